#include <catch2/catch.hpp>

#include "providers/null/null_provider.h"
#include "text_shape.h"

using namespace plinth;
using namespace plinth::providers;

TEST_CASE("null_resource: a random decimal id, triggers replace it") {
    auto provider = make_null_provider();
    Value desired(ValueMap{{"triggers", ValueMap{{"n", "1"}}}});
    auto plan = provider->plan("null_resource", nullptr, desired);
    REQUIRE(plan);
    CHECK(plan->planned.find("id")->is_unknown());
    auto state = provider->create("null_resource", plan->planned);
    REQUIRE(state);
    std::string id = state->find("id")->as_string();
    CHECK(plinth::testing::is_decimal(id));
    CHECK(id.size() <= 19);
    CHECK(provider->id_of("null_resource", *state) == state->find("id")->as_string());

    auto same = provider->plan("null_resource", &*state, desired);
    REQUIRE(same);
    CHECK(same->requires_replace.empty());
    CHECK(same->planned == *state);
    auto changed = provider->plan("null_resource", &*state, Value(ValueMap{{"triggers", ValueMap{{"n", "2"}}}}));
    REQUIRE(changed);
    CHECK(changed->requires_replace == std::vector<std::string>{"triggers"});
}

TEST_CASE("null_resource: read is the state as is, or gone without an id") {
    auto provider = make_null_provider();
    Value state(ValueMap{{"triggers", Value{}}, {"id", "42"}});
    auto read = provider->read("null_resource", state);
    REQUIRE(read);
    CHECK(**read == state);
    auto gone = provider->read("null_resource", Value(ValueMap{{"triggers", Value{}}, {"id", Value::unknown()}}));
    REQUIRE(gone);
    CHECK_FALSE(*gone);
    CHECK(provider->remove("null_resource", state));
    CHECK_FALSE(provider->plan("null_thing", nullptr, Value(ValueMap{})));
}
