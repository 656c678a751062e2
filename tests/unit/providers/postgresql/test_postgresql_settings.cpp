#include <catch2/catch.hpp>

#include <map>

#include "providers/postgresql/postgresql_settings.h"

using namespace plinth;
using namespace plinth::providers::postgresql;

namespace {

Environment fake_environment(std::map<std::string, std::string> variables) {
    return [variables = std::move(variables)](std::string_view name) -> std::optional<std::string> {
        auto found = variables.find(std::string(name));
        if (found == variables.end()) return std::nullopt;
        return found->second;
    };
}

std::optional<std::string> keyword(const PostgresqlSettings& settings, const std::string& name) {
    for (const auto& [key, value] : settings.server)
        if (key == name) return value;
    return std::nullopt;
}

}  // namespace

TEST_CASE("postgresql: settings map to libpq keywords, the environment filling the gaps") {
    Value config(ValueMap{{"host", Value("db.internal")}, {"port", Value(6543)}, {"username", Value("admin")}});
    auto settings = read_postgresql_settings(
        config, fake_environment({{"PGHOST", "ignored"}, {"PGPASSWORD", "from-env"}, {"PGDATABASE", "infra"},
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
    auto settings = read_postgresql_settings(Value(ValueMap{}), fake_environment({}));
    REQUIRE(settings);
    CHECK(settings->database == "postgres");
    CHECK_FALSE(keyword(*settings, "host"));
    CHECK_FALSE(keyword(*settings, "user"));
    CHECK_FALSE(keyword(*settings, "password"));
}

TEST_CASE("postgresql: wrong settings are errors naming the setting") {
    auto sslmode = read_postgresql_settings(Value(ValueMap{{"sslmode", Value("always")}}), fake_environment({}));
    REQUIRE_FALSE(sslmode);
    CHECK(sslmode.error().attribute == "sslmode");
    auto port = read_postgresql_settings(Value(ValueMap{}), fake_environment({{"PGPORT", "80000"}}));
    REQUIRE_FALSE(port);
    CHECK(port.error().attribute == "port");
    auto timeout = read_postgresql_settings(Value(ValueMap{{"connect_timeout", Value(-1)}}), fake_environment({}));
    REQUIRE_FALSE(timeout);
    CHECK(timeout.error().attribute == "connect_timeout");
}
