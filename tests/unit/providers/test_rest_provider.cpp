#include <catch2/catch.hpp>

#include "providers/rest/rest_provider.h"

using namespace plinth;
using namespace plinth::providers;

namespace {

EnvironmentLookup no_environment() {
    return [](std::string_view) -> std::optional<std::string> { return std::nullopt; };
}

Value desired(std::string title) {
    return Value(ValueMap{{"path", Value("/posts")}, {"data", Value(ValueMap{{"title", Value(std::move(title))}})}});
}

}  // namespace

TEST_CASE("rest_provider: configure needs a base_url, from the settings or the environment") {
    auto provider = make_rest_provider(no_environment());
    auto missing = provider->configure(Value(ValueMap{}));
    REQUIRE_FALSE(missing);
    CHECK(missing.error().attribute == "base_url");
    CHECK_FALSE(provider->configure(Value(ValueMap{{"base_url", Value(3)}})));
    CHECK(provider->configure(Value(ValueMap{{"base_url", Value("http://127.0.0.1:1")}})));

    auto from_env = make_rest_provider([](std::string_view name) -> std::optional<std::string> {
        if (name == "REST_API_BASE_URL") return "http://127.0.0.1:2";
        return std::nullopt;
    });
    CHECK(from_env->configure(Value(ValueMap{})));
}

TEST_CASE("rest_provider: the schema marks secrets and documents rest_object") {
    auto provider = make_rest_provider(no_environment());
    const ProviderSchema& schema = provider->schema();
    CHECK(schema.name == "rest");
    REQUIRE(schema.find_resource("rest_object"));
    for (const auto& setting : schema.config)
        CHECK(setting.sensitive == (setting.name == "password" || setting.name == "bearer_token"));
}

TEST_CASE("rest_provider: a changed object's api_response is known after apply; an unchanged one keeps it") {
    auto provider = make_rest_provider(no_environment());
    auto created = provider->plan("rest_object", nullptr, desired("a"));
    REQUIRE(created);
    Value prior = created->planned;
    prior.as_map()["id"] = Value("1");
    prior.as_map()["api_response"] = Value(ValueMap{{"id", Value(1)}, {"title", Value("a")}});

    auto same = provider->plan("rest_object", &prior, desired("a"));
    REQUIRE(same);
    CHECK(same->planned == prior);

    auto changed = provider->plan("rest_object", &prior, desired("b"));
    REQUIRE(changed);
    CHECK(changed->planned.find("api_response")->is_unknown());
    CHECK(*changed->planned.find("id") == Value("1"));
    CHECK(changed->requires_replace.empty());

    Value moved = desired("a");
    moved.as_map()["path"] = Value("/articles");
    auto replaced = provider->plan("rest_object", &prior, moved);
    REQUIRE(replaced);
    CHECK(replaced->requires_replace == std::vector<std::string>{"path"});
}
