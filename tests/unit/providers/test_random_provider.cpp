#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <thread>

#include "core/digest.h"
#include "providers/random/random_provider.h"
#include "text_shape.h"

using namespace plinth;
using namespace plinth::providers;
using namespace plinth::testing;

namespace {

Value created(Provider& provider, const std::string& type, const Value& desired) {
    auto plan = provider.plan(type, nullptr, desired);
    REQUIRE(plan);
    auto result = provider.create(type, plan->planned);
    REQUIRE(result);
    return *result;
}

std::string text(const Value& attributes, std::string_view name) { return attributes.find(name)->as_string(); }

std::size_t count_of(const std::string& s, std::string_view set) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [&](char c) { return set.find(c) != std::string_view::npos; }));
}

constexpr std::string_view k_upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr std::string_view k_lower = "abcdefghijklmnopqrstuvwxyz";
constexpr std::string_view k_digits = "0123456789";

}  // namespace

TEST_CASE("random_id: values in every form, prefixed except id") {
    auto provider = make_random_provider();
    Value id = created(*provider, "random_id", Value(ValueMap{{"byte_length", 8}, {"prefix", "web-"}}));
    std::string url = text(id, "id");
    CHECK(url.size() == 11);
    std::string_view letters_digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    CHECK(consists_of(url, std::string(letters_digits) + "-_"));
    CHECK(text(id, "b64_url") == "web-" + url);
    CHECK(matches_pattern(text(id, "hex"), "web-################", k_hex_digits));
    std::string b64_std = text(id, "b64_std");
    CHECK(b64_std.size() == 16);
    CHECK(b64_std.starts_with("web-"));
    CHECK(b64_std.ends_with("="));
    CHECK(consists_of(b64_std.substr(4, 11), std::string(letters_digits) + "+/"));
    CHECK(text(id, "dec").starts_with("web-"));
    CHECK(is_decimal(text(id, "dec").substr(4)));
}

TEST_CASE("random_id: import by b64_url reproduces hex and dec") {
    auto provider = make_random_provider();
    auto imported = provider->import("random_id", "p-,AQID");  // bytes 01 02 03
    REQUIRE(imported);
    CHECK(text(*imported, "id") == "AQID");
    CHECK(text(*imported, "hex") == "p-010203");
    CHECK(text(*imported, "dec") == "p-66051");
    CHECK(text(*imported, "b64_std") == "p-AQID");
    CHECK(*imported->find("byte_length") == Value(3));
    auto plain = provider->import("random_id", "_-8");  // bytes ff ef
    REQUIRE(plain);
    CHECK(text(*plain, "hex") == "ffef");
    CHECK(text(*plain, "dec") == "65519");
    CHECK_FALSE(provider->import("random_id", "not base64!"));
}

TEST_CASE("random_id: byte_length must be a positive whole number") {
    auto provider = make_random_provider();
    auto zero = provider->plan("random_id", nullptr, Value(ValueMap{{"byte_length", 0}}));
    REQUIRE_FALSE(zero);
    CHECK(zero.error().attribute == "byte_length");
    CHECK_FALSE(provider->plan("random_id", nullptr, Value(ValueMap{{"byte_length", 2.5}})));
    CHECK_FALSE(provider->plan("random_id", nullptr, Value(ValueMap{{"byte_length", "8"}})));
    CHECK(provider->plan("random_id", nullptr, Value(ValueMap{{"byte_length", Value::unknown()}})));
}

TEST_CASE("random: keepers force a new value, unchanged config keeps it") {
    auto provider = make_random_provider();
    Value desired(ValueMap{{"byte_length", 4}, {"keepers", ValueMap{{"v", "1"}}}});
    Value state = created(*provider, "random_id", desired);
    auto same = provider->plan("random_id", &state, desired);
    REQUIRE(same);
    CHECK(same->requires_replace.empty());
    CHECK(same->planned == state);
    auto changed = provider->plan("random_id", &state, Value(ValueMap{{"byte_length", 4}, {"keepers", ValueMap{{"v", "2"}}}}));
    REQUIRE(changed);
    CHECK(changed->requires_replace == std::vector<std::string>{"keepers"});
    CHECK(changed->planned.find("hex")->is_unknown());
}

TEST_CASE("random: read returns the value as is, or gone after an unconfirmed create") {
    auto provider = make_random_provider();
    Value state = created(*provider, "random_uuid", Value(ValueMap{}));
    auto refreshed = provider->read("random_uuid", state);
    REQUIRE(refreshed);
    REQUIRE(*refreshed);
    CHECK(**refreshed == state);

    auto plan = provider->plan("random_uuid", nullptr, Value(ValueMap{}));
    REQUIRE(plan);
    auto unconfirmed = provider->read("random_uuid", plan->planned);
    REQUIRE(unconfirmed);
    CHECK_FALSE(*unconfirmed);
    Value nulled(ValueMap{{"keepers", Value{}}, {"result", Value{}}, {"id", Value{}}});
    CHECK_FALSE(*provider->read("random_uuid", nulled));
    CHECK(provider->remove("random_uuid", state));
}

TEST_CASE("random_string: length and default character classes") {
    auto provider = make_random_provider();
    Value state = created(*provider, "random_string", Value(ValueMap{{"length", 40}}));
    std::string result = text(state, "result");
    CHECK(result.size() == 40);
    CHECK(text(state, "id") == result);
    std::string_view allowed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!@#$%&*()-_=+[]{}<>:?";
    CHECK(count_of(result, allowed) == 40);
    CHECK_FALSE(state.find("result")->is_sensitive());
}

TEST_CASE("random_string: disabled classes are left out") {
    auto provider = make_random_provider();
    Value state = created(*provider, "random_string",
                          Value(ValueMap{{"length", 64}, {"special", false}, {"upper", false}, {"numeric", false}}));
    CHECK(count_of(text(state, "result"), k_lower) == 64);
    Value special = created(*provider, "random_string",
                            Value(ValueMap{{"length", 30}, {"upper", false}, {"lower", false}, {"numeric", false},
                                           {"override_special", "#"}}));
    CHECK(text(special, "result") == std::string(30, '#'));
}

TEST_CASE("random_string: min_* rules are met") {
    auto provider = make_random_provider();
    for (int i = 0; i < 20; ++i) {
        Value state = created(*provider, "random_string",
                              Value(ValueMap{{"length", 12}, {"min_upper", 3}, {"min_lower", 3}, {"min_numeric", 3},
                                             {"min_special", 3}, {"override_special", "_"}}));
        std::string result = text(state, "result");
        CHECK(count_of(result, k_upper) == 3);
        CHECK(count_of(result, k_lower) == 3);
        CHECK(count_of(result, k_digits) == 3);
        CHECK(count_of(result, "_") == 3);
    }
}

TEST_CASE("random_string: impossible rules are refused at plan") {
    auto provider = make_random_provider();
    auto too_short = provider->plan("random_string", nullptr, Value(ValueMap{{"length", 3}, {"min_upper", 2}, {"min_numeric", 2}}));
    REQUIRE_FALSE(too_short);
    CHECK(too_short.error().summary == "\"length\" is shorter than the minimums require");
    auto no_pool = provider->plan("random_string", nullptr,
                                  Value(ValueMap{{"length", 3}, {"special", false}, {"upper", false}, {"lower", false},
                                                 {"numeric", false}}));
    REQUIRE_FALSE(no_pool);
    CHECK(no_pool.error().summary == "No characters to choose from");
    CHECK_FALSE(provider->plan("random_string", nullptr, Value(ValueMap{{"length", 0}})));
    CHECK_FALSE(provider->plan("random_string", nullptr, Value(ValueMap{{"length", 4}, {"min_lower", -1}})));
    CHECK(provider->plan("random_string", nullptr, Value(ValueMap{{"length", Value::unknown()}, {"min_upper", 9}})));
}

TEST_CASE("random_password: the result is sensitive and the id is none") {
    auto provider = make_random_provider();
    auto plan = provider->plan("random_password", nullptr, Value(ValueMap{{"length", 16}}));
    REQUIRE(plan);
    CHECK(plan->planned.find("result")->is_unknown());
    CHECK(plan->planned.find("result")->is_sensitive());
    auto state = provider->create("random_password", plan->planned);
    REQUIRE(state);
    CHECK(text(*state, "result").size() == 16);
    CHECK(state->find("result")->is_sensitive());
    CHECK(text(*state, "id") == "none");
    auto refreshed = provider->read("random_password", *state);
    REQUIRE(refreshed);
    CHECK((**refreshed).find("result")->is_sensitive());
}

TEST_CASE("random_string: import by value matches the default configuration") {
    auto provider = make_random_provider();
    auto imported = provider->import("random_string", "abcDEF123");
    REQUIRE(imported);
    CHECK(text(*imported, "result") == "abcDEF123");
    CHECK(*imported->find("length") == Value(9));
    auto plan = provider->plan("random_string", &*imported, Value(ValueMap{{"length", 9}}));
    REQUIRE(plan);
    CHECK(plan->requires_replace.empty());
    auto password = provider->import("random_password", "s3cret");
    REQUIRE(password);
    CHECK(text(*password, "id") == "none");
    CHECK(password->find("result")->is_sensitive());
}

TEST_CASE("random_integer: within range, seeded results are stable") {
    auto provider = make_random_provider();
    for (int i = 0; i < 50; ++i) {
        Value state = created(*provider, "random_integer", Value(ValueMap{{"min", -3}, {"max", 3}}));
        double result = state.find("result")->as_number();
        CHECK(result >= -3);
        CHECK(result <= 3);
        CHECK(text(state, "id") == format_number(result));
    }
    Value seeded(ValueMap{{"min", 1}, {"max", 1000000}, {"seed", "fixed"}});
    CHECK(*created(*provider, "random_integer", seeded).find("result") ==
          *created(*provider, "random_integer", seeded).find("result"));
    Value single = created(*provider, "random_integer", Value(ValueMap{{"min", 7}, {"max", 7}}));
    CHECK(*single.find("result") == Value(7));
}

TEST_CASE("random_integer: min above max is refused, import takes value,min,max") {
    auto provider = make_random_provider();
    auto bad = provider->plan("random_integer", nullptr, Value(ValueMap{{"min", 5}, {"max", 1}}));
    REQUIRE_FALSE(bad);
    CHECK(bad.error().attribute == "min");
    auto imported = provider->import("random_integer", "15,1,50");
    REQUIRE(imported);
    CHECK(*imported->find("result") == Value(15));
    CHECK(text(*imported, "id") == "15");
    CHECK(imported->find("seed")->is_null());
    auto with_seed = provider->import("random_integer", "15,1,50,a,b");
    REQUIRE(with_seed);
    CHECK(text(*with_seed, "seed") == "a,b");
    CHECK_FALSE(provider->import("random_integer", "99,1,50"));
    CHECK_FALSE(provider->import("random_integer", "1,2"));
    CHECK_FALSE(provider->import("random_integer", "x,1,2"));
}

TEST_CASE("random_uuid: version 4 form, import by uuid") {
    auto provider = make_random_provider();
    std::set<std::string> seen;
    for (int i = 0; i < 10; ++i) {
        Value state = created(*provider, "random_uuid", Value(ValueMap{}));
        std::string uuid = text(state, "result");
        CHECK(matches_pattern(uuid, "########-####-4###-####-############", k_hex_digits));
        CHECK(std::string_view("89ab").find(uuid[19]) != std::string_view::npos);
        CHECK(text(state, "id") == uuid);
        seen.insert(uuid);
    }
    CHECK(seen.size() == 10);
    auto imported = provider->import("random_uuid", "6E1D2AB0-5E4F-4C83-9A55-3C0E2E8B7A10");
    REQUIRE(imported);
    CHECK(text(*imported, "id") == "6e1d2ab0-5e4f-4c83-9a55-3c0e2e8b7a10");
    CHECK_FALSE(provider->import("random_uuid", "nope"));
}

TEST_CASE("random: every settable attribute forces replacement") {
    auto provider = make_random_provider();
    for (const auto& resource : provider->schema().resources)
        for (const auto& attribute : resource.attributes)
            if (attribute.required || attribute.optional) CHECK(attribute.force_new);
}

TEST_CASE("random: concurrent creates give distinct values") {
    auto provider = make_random_provider();
    std::vector<std::string> results(8);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < results.size(); ++i)
        threads.emplace_back([&, i] {
            auto plan = provider->plan("random_string", nullptr, Value(ValueMap{{"length", 32}}));
            if (!plan) return;
            auto state = provider->create("random_string", plan->planned);
            if (state) results[i] = state->find("result")->as_string();
        });
    for (auto& thread : threads) thread.join();
    std::set<std::string> distinct(results.begin(), results.end());
    CHECK(distinct.size() == results.size());
    CHECK_FALSE(distinct.contains(""));
}
