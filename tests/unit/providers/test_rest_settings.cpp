#include <catch2/catch.hpp>

#include <map>

#include "providers/rest/rest_settings.h"
#include "tests/unit/fake_environment.h"

using plinth::testing::environment_of;

using namespace plinth;
using namespace plinth::providers::rest;

namespace {

std::optional<std::string> header(const RestSettings& settings, std::string_view name) {
    for (const auto& [key, value] : settings.headers)
        if (key == name) return value;
    return std::nullopt;
}

}  // namespace

TEST_CASE("rest_settings: base_url from the settings, else REST_API_BASE_URL, else an error") {
    auto given = read_settings(Value(ValueMap{{"base_url", Value("http://127.0.0.1:1")}}),
                               environment_of({{"REST_API_BASE_URL", "http://ignored"}}));
    REQUIRE(given);
    CHECK(given->base_url == "http://127.0.0.1:1");

    auto from_env = read_settings(Value(ValueMap{}), environment_of({{"REST_API_BASE_URL", "https://api.example"}}));
    REQUIRE(from_env);
    CHECK(from_env->base_url == "https://api.example");

    auto missing = read_settings(Value(ValueMap{}), environment_of({{"REST_API_BASE_URL", ""}}));
    REQUIRE_FALSE(missing);
    CHECK(missing.error().summary == "The rest provider needs a base_url");
    CHECK(missing.error().attribute == "base_url");

    auto bad = read_settings(Value(ValueMap{{"base_url", Value("ftp://x")}}), environment_of({}));
    REQUIRE_FALSE(bad);
    CHECK(bad.error().attribute == "base_url");
}

TEST_CASE("rest_settings: defaults, JSON headers and their overrides") {
    auto settings = read_settings(Value(ValueMap{{"base_url", Value("http://h")},
                                                 {"headers", Value(ValueMap{{"Accept", Value("text/plain")}})}}),
                                  environment_of({}));
    REQUIRE(settings);
    CHECK(header(*settings, "Accept") == "text/plain");
    CHECK(header(*settings, "Content-Type") == "application/json");
    CHECK(settings->headers.size() == 2);
    CHECK(settings->timeout == std::chrono::seconds{30});
    CHECK(settings->retry.retries == 3);
    CHECK_FALSE(settings->retry.retry_non_idempotent);
}

TEST_CASE("rest_settings: basic and bearer authentication, from settings or environment") {
    auto basic = read_settings(Value(ValueMap{{"base_url", Value("http://h")}, {"username", Value("ann")}}),
                               environment_of({{"REST_API_PASSWORD", "pw"}}));
    REQUIRE(basic);
    CHECK(header(*basic, "Authorization") == "Basic YW5uOnB3");

    auto bearer = read_settings(Value(ValueMap{{"base_url", Value("http://h")}}), environment_of({{"REST_API_TOKEN", "t0k"}}));
    REQUIRE(bearer);
    CHECK(header(*bearer, "Authorization") == "Bearer t0k");

    auto both = read_settings(Value(ValueMap{{"base_url", Value("http://h")}, {"bearer_token", Value("t")}}),
                              environment_of({{"REST_API_USERNAME", "ann"}}));
    REQUIRE_FALSE(both);
    CHECK(both.error().attribute == "bearer_token");
}

TEST_CASE("rest_settings: retries and delays are checked") {
    ValueMap config{{"base_url", Value("http://h")}, {"retries", Value(1)}, {"retry_min_delay", Value("10ms")},
                    {"retry_max_delay", Value("50ms")}, {"retry_non_idempotent", Value(true)}, {"timeout", Value("2s")}};
    auto settings = read_settings(Value(config), environment_of({}));
    REQUIRE(settings);
    CHECK(settings->retry.retries == 1);
    CHECK(settings->retry.min_delay == std::chrono::milliseconds{10});
    CHECK(settings->retry.max_delay == std::chrono::milliseconds{50});
    CHECK(settings->retry.retry_non_idempotent);
    CHECK(settings->timeout == std::chrono::seconds{2});

    config["retry_min_delay"] = Value("1m");
    auto inverted = read_settings(Value(config), environment_of({}));
    REQUIRE_FALSE(inverted);
    CHECK(inverted.error().attribute == "retry_min_delay");

    config["retry_min_delay"] = Value("soon");
    auto invalid = read_settings(Value(config), environment_of({}));
    REQUIRE_FALSE(invalid);
    CHECK(invalid.error().attribute == "retry_min_delay");

    config["retry_min_delay"] = Value("1ms");
    config["retries"] = Value(-1);
    CHECK_FALSE(read_settings(Value(config), environment_of({})));
}
