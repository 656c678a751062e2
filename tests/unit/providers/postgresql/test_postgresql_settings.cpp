#include <catch2/catch.hpp>

#include <map>

#include "providers/postgresql/postgresql_settings.h"
#include "tests/unit/fake_environment.h"

using namespace plinth;
using namespace plinth::providers::postgresql;

using plinth::testing::environment_of;

namespace {

std::optional<std::string> keyword(const PostgresqlSettings& settings, const std::string& name) {
    for (const auto& [key, value] : settings.server)
        if (key == name) return value;
    return std::nullopt;
}

}  // namespace

TEST_CASE("postgresql: settings map to libpq keywords, the environment filling the gaps") {
    Value config(ValueMap{{"host", Value("db.internal")}, {"port", Value(6543)}, {"username", Value("admin")}});
    auto settings = read_postgresql_settings(
        config, environment_of({{"PGHOST", "ignored"}, {"PGPASSWORD", "from-env"}, {"PGDATABASE", "infra"},
                                  {"PGSSLMODE", "require"}, {"PGUSER", ""}}));
    REQUIRE(settings);
    CHECK(keyword(*settings, "host") == "db.internal");
    CHECK(keyword(*settings, "port") == "6543");
    CHECK(keyword(*settings, "user") == "admin");
    CHECK(keyword(*settings, "password") == "from-env");
    CHECK(keyword(*settings, "sslmode") == "require");
    CHECK(keyword(*settings, "connect_timeout") == "10");
    CHECK_FALSE(keyword(*settings, "dbname"));
    CHECK(settings->database == "infra");
    auto for_app = settings->for_database("app");
    CHECK(for_app.back() == std::pair<std::string, std::string>{"dbname", "app"});
}

TEST_CASE("postgresql: with nothing set, the database is postgres and libpq picks the rest") {
    auto settings = read_postgresql_settings(Value(ValueMap{}), environment_of({}));
    REQUIRE(settings);
    CHECK(settings->database == "postgres");
    CHECK_FALSE(keyword(*settings, "host"));
    CHECK_FALSE(keyword(*settings, "user"));
    CHECK_FALSE(keyword(*settings, "password"));
}

TEST_CASE("postgresql: wrong settings are errors naming the setting") {
    auto sslmode = read_postgresql_settings(Value(ValueMap{{"sslmode", Value("always")}}), environment_of({}));
    REQUIRE_FALSE(sslmode);
    CHECK(sslmode.error().attribute == "sslmode");
    auto port = read_postgresql_settings(Value(ValueMap{}), environment_of({{"PGPORT", "80000"}}));
    REQUIRE_FALSE(port);
    CHECK(port.error().attribute == "port");
    auto timeout = read_postgresql_settings(Value(ValueMap{{"connect_timeout", Value(-1)}}), environment_of({}));
    REQUIRE_FALSE(timeout);
    CHECK(timeout.error().attribute == "connect_timeout");
}
