#include <catch2/catch.hpp>

#include "providers/builtin/builtin.h"
#include "providers/registry.h"

using namespace plinth;
using namespace plinth::providers;

TEST_CASE("registry: built-in providers by name") {
    ProviderRegistry registry;
    register_builtin_providers(registry);
    CHECK(registry.names() == std::vector<std::string>{"aws", "external", "http", "local", "null", "postgresql",
                                                       "random", "rest", "time"});
    CHECK(registry.contains("random"));
    CHECK_FALSE(registry.contains("azure"));
    auto missing = registry.create("azure");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().kind == ProviderError::Kind::NotFound);
    CHECK(missing.error().summary == "unknown provider `azure`");
    auto local = registry.create("local");
    REQUIRE(local);
    CHECK((*local)->schema().name == "local");
    for (const auto& name : registry.names()) {
        CHECK((*registry.create(name))->schema().name == name);
        CHECK(registry.origin(name) == "built-in");
    }
    CHECK(registry.origin("azure").empty());
}

TEST_CASE("registry: a type's default provider is its prefix") {
    CHECK(default_provider_for_type("local_file") == "local");
    CHECK(default_provider_for_type("random_id") == "random");
    CHECK(default_provider_for_type("null_resource") == "null");
    CHECK(default_provider_for_type("plain") == "plain");
}

TEST_CASE("provider: default import, read_data and id_of") {
    ProviderRegistry registry;
    register_builtin_providers(registry);
    auto null = std::move(*registry.create("null"));
    auto imported = null->import("null_resource", "123");
    REQUIRE_FALSE(imported);
    CHECK(imported.error().summary == "null_resource does not support import");
    auto data = null->read_data("null_data_source", Value(ValueMap{}));
    REQUIRE_FALSE(data);
    CHECK(data.error().summary == "Unsupported data source \"null_data_source\"");
    CHECK(null->id_of("null_resource", Value(ValueMap{{"id", "7"}})) == "7");
    CHECK(null->id_of("null_resource", Value(ValueMap{{"id", 7}})) == "7");
    CHECK(null->id_of("null_resource", Value(ValueMap{})).empty());
}
