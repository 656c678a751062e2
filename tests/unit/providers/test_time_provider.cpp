#include <catch2/catch.hpp>

#include <chrono>

#include "providers/time/time_provider.h"
#include "text_shape.h"

using namespace plinth;
using namespace plinth::providers;

namespace {

std::chrono::milliseconds elapsed_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
}

}  // namespace

TEST_CASE("time_sleep: create and remove wait their durations") {
    auto provider = make_time_provider();
    Value desired(ValueMap{{"create_duration", "40ms"}, {"destroy_duration", "30ms"}});
    auto plan = provider->plan("time_sleep", nullptr, desired);
    REQUIRE(plan);
    auto start = std::chrono::steady_clock::now();
    auto state = provider->create("time_sleep", plan->planned);
    REQUIRE(state);
    CHECK(elapsed_since(start) >= std::chrono::milliseconds(40));
    CHECK(plinth::testing::matches_pattern(state->find("id")->as_string(), "####-##-##T##:##:##Z",
                                           plinth::testing::k_decimal_digits));
    start = std::chrono::steady_clock::now();
    REQUIRE(provider->remove("time_sleep", *state));
    CHECK(elapsed_since(start) >= std::chrono::milliseconds(30));
}

TEST_CASE("time_sleep: durations change in place, triggers replace") {
    auto provider = make_time_provider();
    Value state(ValueMap{{"create_duration", "1ms"}, {"destroy_duration", Value{}}, {"triggers", Value{}},
                         {"id", "2024-01-01T00:00:00Z"}});
    auto longer = provider->plan("time_sleep", &state, Value(ValueMap{{"create_duration", "2ms"}}));
    REQUIRE(longer);
    CHECK(longer->requires_replace.empty());
    auto updated = provider->update("time_sleep", state, longer->planned);
    REQUIRE(updated);
    CHECK(updated->find("create_duration")->as_string() == "2ms");
    auto triggered = provider->plan("time_sleep", &state, Value(ValueMap{{"triggers", ValueMap{{"a", "b"}}}}));
    REQUIRE(triggered);
    CHECK(triggered->requires_replace == std::vector<std::string>{"triggers"});
}

TEST_CASE("time_sleep: a bad duration names the attribute") {
    auto provider = make_time_provider();
    auto bad = provider->plan("time_sleep", nullptr, Value(ValueMap{{"destroy_duration", "3 seconds"}}));
    REQUIRE_FALSE(bad);
    CHECK(bad.error().attribute == "destroy_duration");
    CHECK(bad.error().summary == "\"destroy_duration\" is not a valid duration");
    CHECK(provider->plan("time_sleep", nullptr, Value(ValueMap{{"create_duration", Value::unknown()}})));
}
