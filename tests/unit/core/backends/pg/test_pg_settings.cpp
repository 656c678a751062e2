#include <catch2/catch.hpp>
#include <cstdlib>

#include "core/backends/pg/pg_settings.h"

using namespace plinth;
using namespace plinth::backends;

namespace {

SourceLocation at(int line) { return SourceLocation{"main.yaml", line, 5}; }

BackendDecl pg_block(std::map<std::string, BackendSetting> settings) {
    BackendDecl decl;
    decl.type = "pg";
    decl.settings = std::move(settings);
    decl.location = SourceLocation{"main.yaml", 2, 1};
    return decl;
}

// Sets an environment variable for one scope.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : m_name(name) { ::setenv(name, value, 1); }
    ~ScopedEnv() { ::unsetenv(m_name); }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* m_name;
};

}  // namespace

TEST_CASE("pg settings: conn_str alone gives Terraform's defaults with plinth's own schema") {
    auto settings = read_pg_settings(pg_block({{"conn_str", {"host=db dbname=states", at(3)}}}));
    REQUIRE(settings);
    CHECK(settings->conn_str == "host=db dbname=states");
    CHECK(settings->schema_name == "plinth_remote_state");
    CHECK_FALSE(settings->skip_schema_creation);
    CHECK_FALSE(settings->skip_table_creation);
    CHECK_FALSE(settings->skip_index_creation);
}

TEST_CASE("pg settings: conn_str and schema_name come from PG_CONN_STR and PG_SCHEMA_NAME when not set") {
    ScopedEnv conn("PG_CONN_STR", "postgres://app@127.0.0.1:5433/infra");
    ScopedEnv schema("PG_SCHEMA_NAME", "terraform_remote_state");
    auto settings = read_pg_settings(pg_block({}));
    REQUIRE(settings);
    CHECK(settings->conn_str == "postgres://app@127.0.0.1:5433/infra");
    CHECK(settings->schema_name == "terraform_remote_state");

    auto written = read_pg_settings(pg_block({{"schema_name", {"mine", at(4)}}}));
    REQUIRE(written);
    CHECK(written->schema_name == "mine");
}

TEST_CASE("pg settings: a missing conn_str names the setting and its variable at the backend block") {
    ::unsetenv("PG_CONN_STR");
    auto settings = read_pg_settings(pg_block({{"schema_name", {"s", at(3)}}}));
    REQUIRE_FALSE(settings);
    CHECK(settings.error().summary == "the pg backend needs `conn_str`");
    CHECK(settings.error().detail.find("PG_CONN_STR") != std::string::npos);
    CHECK(settings.error().location.line == 2);
}

TEST_CASE("pg settings: an unknown setting is an error at its own place, with a suggestion") {
    auto settings =
        read_pg_settings(pg_block({{"conn_str", {"dbname=x", at(3)}}, {"schema", {"s", at(4)}}}));
    REQUIRE_FALSE(settings);
    CHECK(settings.error().summary == "unknown setting `schema` for the pg backend");
    CHECK(settings.error().detail.find("schema_name") != std::string::npos);
    CHECK(settings.error().location.line == 4);
}

TEST_CASE("pg settings: skip flags are read as true/false, and errors point at the flag") {
    auto settings = read_pg_settings(pg_block({{"conn_str", {"dbname=x", at(3)}},
                                               {"skip_schema_creation", {"true", at(4)}},
                                               {"skip_index_creation", {"yes", at(5)}}}));
    REQUIRE(settings);
    CHECK(settings->skip_schema_creation);
    CHECK_FALSE(settings->skip_table_creation);
    CHECK(settings->skip_index_creation);

    auto bad = read_pg_settings(
        pg_block({{"conn_str", {"dbname=x", at(3)}}, {"skip_table_creation", {"maybe", at(6)}}}));
    REQUIRE_FALSE(bad);
    CHECK(bad.error().summary.find("`skip_table_creation` must be true or false") != std::string::npos);
    CHECK(bad.error().location.line == 6);
}

TEST_CASE("pg settings: an empty schema_name is refused where it is written") {
    auto settings = read_pg_settings(pg_block({{"conn_str", {"dbname=x", at(3)}}, {"schema_name", {"", at(7)}}}));
    REQUIRE_FALSE(settings);
    CHECK(settings.error().summary == "backend setting `schema_name` must not be empty");
    CHECK(settings.error().location.line == 7);
}
