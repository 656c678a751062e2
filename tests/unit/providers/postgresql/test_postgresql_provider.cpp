#include <catch2/catch.hpp>

#include <algorithm>
#include <fmt/format.h>

#include "providers/postgresql/postgresql_provider.h"
#include "tests/unit/core/pg/refusing_port.h"

using namespace plinth;
using namespace plinth::providers;

namespace {

EnvironmentLookup no_environment() {
    return [](std::string_view) -> std::optional<std::string> { return std::nullopt; };
}

}  // namespace

TEST_CASE("postgresql: the provider has Terraform's resource types, its password setting sensitive") {
    auto provider = make_postgresql_provider(no_environment());
    const ProviderSchema& schema = provider->schema();
    CHECK(schema.name == "postgresql");
    for (const char* type : {"postgresql_role", "postgresql_database", "postgresql_schema", "postgresql_grant",
                             "postgresql_extension"})
        CHECK(schema.find_resource(type) != nullptr);
    CHECK(schema.find_resource("postgresql_role")->find("password")->sensitive);
    auto password = std::ranges::find(schema.config, "password", &AttributeSchema::name);
    REQUIRE(password != schema.config.end());
    CHECK(password->sensitive);
}

TEST_CASE("postgresql: plans check grants and fill in the provider's database and the id") {
    auto provider = make_postgresql_provider(no_environment());
    REQUIRE(provider->configure(Value(ValueMap{{"database", Value("infra")}})));
    Value grant(ValueMap{{"role", Value("app")},
                         {"object_type", Value("schema")},
                         {"schema", Value("s")},
                         {"privileges", Value(ValueList{Value("USAGE")})}});
    auto planned = provider->plan("postgresql_grant", nullptr, grant);
    REQUIRE(planned);
    CHECK(planned->planned.find("database")->as_string() == "infra");
    CHECK(planned->planned.find("id")->as_string() == "app/infra/s/schema");
    grant.as_map()["privileges"] = Value(ValueList{Value("SELECT")});
    auto refused = provider->plan("postgresql_grant", nullptr, grant);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().attribute == "privileges");
}

TEST_CASE("postgresql: a server that refuses connections is an error naming the database") {
    RefusingPort port;
    auto provider = make_postgresql_provider(no_environment());
    REQUIRE(provider->configure(Value(ValueMap{{"host", Value("127.0.0.1")}, {"port", Value(port.port())}})));
    auto read = provider->read("postgresql_role", Value(ValueMap{{"name", Value("app")}, {"id", Value("app")}}));
    REQUIRE_FALSE(read);
    CHECK(read.error().summary == "cannot connect to PostgreSQL database \"postgres\"");
    CHECK(read.error().detail.find("Connection refused") != std::string::npos);
}

TEST_CASE("postgresql: lists of names in another order than recorded plan no change") {
    auto provider = make_postgresql_provider(no_environment());
    REQUIRE(provider->configure(Value(ValueMap{})));
    Value desired(ValueMap{{"name", Value("app")}, {"roles", Value(ValueList{Value("b"), Value("a")})}});
    auto created = provider->plan("postgresql_role", nullptr, desired);
    REQUIRE(created);
    Value prior = created->planned;
    prior.as_map()["roles"] = Value(ValueList{Value("a"), Value("b")});
    auto kept = provider->plan("postgresql_role", &prior, desired);
    REQUIRE(kept);
    CHECK(*kept->planned.find("roles") == *prior.find("roles"));
    desired.as_map()["roles"] = Value(ValueList{Value("c"), Value("a")});
    auto changed = provider->plan("postgresql_role", &prior, desired);
    REQUIRE(changed);
    CHECK(*changed->planned.find("roles") == Value(ValueList{Value("a"), Value("c")}));
}
