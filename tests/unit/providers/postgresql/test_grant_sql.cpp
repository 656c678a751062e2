#include <catch2/catch.hpp>

#include "fake_quoter.h"
#include "providers/postgresql/grant_sql.h"

using namespace plinth;
using namespace plinth::providers::postgresql;

namespace {

Value grant_attributes(std::string object_type, std::string schema, ValueList privileges, ValueList objects = {}) {
    ValueMap attributes{{"role", Value("app")},
                        {"database", Value("db")},
                        {"object_type", Value(std::move(object_type))},
                        {"privileges", Value(std::move(privileges))},
                        {"objects", Value(std::move(objects))}};
    if (!schema.empty()) attributes.emplace("schema", Value(std::move(schema)));
    return Value(std::move(attributes));
}

}  // namespace

TEST_CASE("postgresql: a grant is a revoke of everything and a grant of exactly the privileges") {
    FakeQuoter quoter;
    auto database = grant_spec(grant_attributes("database", "", {Value("CONNECT"), Value("TEMPORARY")}));
    REQUIRE(database);
    CHECK(*revoke_grant_sql(quoter, *database) == "REVOKE ALL PRIVILEGES ON DATABASE \"db\" FROM \"app\"");
    CHECK(*grant_sql(quoter, *database).value() == "GRANT CONNECT, TEMPORARY ON DATABASE \"db\" TO \"app\"");
    auto schema = grant_spec(grant_attributes("schema", "s", {Value("USAGE")}));
    REQUIRE(schema);
    CHECK(*grant_sql(quoter, *schema).value() == "GRANT USAGE ON SCHEMA \"s\" TO \"app\"");
    auto none = grant_spec(grant_attributes("schema", "s", {}));
    REQUIRE(none);
    CHECK_FALSE(grant_sql(quoter, *none).has_value());
}

TEST_CASE("postgresql: table grants name their objects, or all of them in the schema") {
    FakeQuoter quoter;
    auto all = grant_spec(grant_attributes("table", "s", {Value("SELECT")}));
    REQUIRE(all);
    CHECK(*grant_sql(quoter, *all).value() == "GRANT SELECT ON ALL TABLES IN SCHEMA \"s\" TO \"app\"");
    auto some = grant_spec(grant_attributes("sequence", "s", {Value("USAGE")}, {Value("a"), Value("b;c")}));
    REQUIRE(some);
    CHECK(*revoke_grant_sql(quoter, *some) ==
          "REVOKE ALL PRIVILEGES ON SEQUENCE \"s\".\"a\", \"s\".\"b;c\" FROM \"app\"");
    auto functions = grant_spec(grant_attributes("function", "s", {Value("EXECUTE")}));
    REQUIRE(functions);
    CHECK(*grant_sql(quoter, *functions).value() == "GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA \"s\" TO \"app\"");
}

TEST_CASE("postgresql: grants that do not fit together are refused, naming the attribute") {
    auto unknown_type = grant_spec(grant_attributes("view", "s", {}));
    REQUIRE_FALSE(unknown_type);
    CHECK(unknown_type.error().attribute == "object_type");
    auto schema_on_database = grant_spec(grant_attributes("database", "s", {}));
    REQUIRE_FALSE(schema_on_database);
    CHECK(schema_on_database.error().attribute == "schema");
    auto no_schema = grant_spec(grant_attributes("table", "", {}));
    REQUIRE_FALSE(no_schema);
    CHECK(no_schema.error().attribute == "schema");
    auto objects_on_schema = grant_spec(grant_attributes("schema", "s", {}, {Value("t")}));
    REQUIRE_FALSE(objects_on_schema);
    CHECK(objects_on_schema.error().attribute == "objects");
    auto injected = grant_spec(grant_attributes("table", "s", {Value("SELECT; DROP TABLE t")}));
    REQUIRE_FALSE(injected);
    CHECK(injected.error().attribute == "privileges");
    CHECK(injected.error().detail.find("SELECT") != std::string::npos);
    auto lower_case = grant_spec(grant_attributes("schema", "s", {Value("usage")}));
    CHECK_FALSE(lower_case);
}

TEST_CASE("postgresql: grant ids round-trip through import") {
    auto database = grant_spec(grant_attributes("database", "", {}));
    REQUIRE(database);
    CHECK(grant_id(*database) == "app/db/database");
    auto table = grant_spec(grant_attributes("table", "s", {}));
    REQUIRE(table);
    CHECK(grant_id(*table) == "app/db/s/table");
    auto parsed = parse_grant_id("app/db/s/table");
    REQUIRE(parsed);
    CHECK(parsed->role == "app");
    CHECK(parsed->database == "db");
    CHECK(parsed->schema == "s");
    CHECK(parsed->object_type == GrantObjectType::Table);
    CHECK(parse_grant_id("app/db/database")->schema.empty());
    for (const char* invalid : {"app/db", "app/db/s/database", "app/db/table", "app//s/table", "a/b/c/d/table"})
        CHECK_FALSE(parse_grant_id(invalid));
}

TEST_CASE("postgresql: the privileges held are those the role has on every target object") {
    auto all = grant_spec(grant_attributes("table", "s", {Value("SELECT")}));
    REQUIRE(all);
    std::vector<CatalogRow> rows = {
        {std::string("a"), std::string("SELECT")},
        {std::string("a"), std::string("INSERT")},
        {std::string("b"), std::string("SELECT")},
    };
    CHECK(privileges_on_every(rows, *all, {}) == std::vector<std::string>{"SELECT"});
    rows.push_back({std::string("c"), std::nullopt});
    CHECK(privileges_on_every(rows, *all, {}).empty());
    auto only_a = grant_spec(grant_attributes("table", "s", {Value("SELECT")}, {Value("a")}));
    REQUIRE(only_a);
    CHECK(privileges_on_every(rows, *only_a, {}) == std::vector<std::string>{"INSERT", "SELECT"});
    auto missing = grant_spec(grant_attributes("table", "s", {Value("SELECT")}, {Value("gone")}));
    REQUIRE(missing);
    CHECK(privileges_on_every(rows, *missing, {"SELECT"}).empty());
    CHECK(privileges_on_every({}, *all, {"SELECT"}) == std::vector<std::string>{"SELECT"});
}
