#include <catch2/catch.hpp>

#include <cstdlib>

#include "core/backends/settings/backend_settings.h"

using namespace plinth;
using plinth::backends::BackendSettings;

namespace {

BackendDecl decl_with(std::map<std::string, std::string> settings) {
    BackendDecl decl;
    decl.type = "pg";
    decl.location = SourceLocation{"stack.yaml", 3, 1};
    int line = 4;
    for (auto& [name, text] : settings) decl.settings.emplace(name, BackendSetting{text, {"stack.yaml", line++, 13}});
    return decl;
}

}  // namespace

TEST_CASE("backend_settings: an unknown setting is an error at its place with a suggestion") {
    auto decl = decl_with({{"conn_strr", "x"}});
    auto settings = BackendSettings::read(decl, {"conn_str", "schema_name"});
    REQUIRE_FALSE(settings);
    CHECK(settings.error().summary == "unknown setting `conn_strr` for the pg backend");
    CHECK(settings.error().detail == "did you mean `conn_str`?");
    CHECK(settings.error().location.to_string() == "stack.yaml:4:13");
    auto far = decl_with({{"zzz", "x"}});
    CHECK(BackendSettings::read(far, {"conn_str"}).error().detail == "valid settings: conn_str");
}

TEST_CASE("backend_settings: text falls back to environment variables, required names both") {
    auto decl = decl_with({{"schema_name", "plinth"}});
    auto settings = BackendSettings::read(decl, {"conn_str", "schema_name"});
    REQUIRE(settings);
    CHECK(settings->text("schema_name") == "plinth");
    ::unsetenv("PLINTH_TEST_CONN");
    auto missing = settings->required("conn_str", {"PLINTH_TEST_CONN"});
    REQUIRE_FALSE(missing);
    CHECK(missing.error().summary == "the pg backend needs `conn_str`");
    CHECK(missing.error().detail ==
          "set `conn_str` in the `backend:` block or the PLINTH_TEST_CONN environment variable");
    CHECK(missing.error().location.to_string() == "stack.yaml:3:1");
    ::setenv("PLINTH_TEST_CONN", "postgres://env", 1);
    CHECK(settings->required("conn_str", {"PLINTH_TEST_CONN"}) == "postgres://env");
    ::unsetenv("PLINTH_TEST_CONN");
}

TEST_CASE("backend_settings: flags and numbers are checked") {
    auto decl = decl_with({{"a_flag", "yes"}, {"b_flag", "maybe"}, {"c_number", "12"}, {"d_number", "12x"}});
    auto settings = BackendSettings::read(decl, {"a_flag", "b_flag", "c_number", "d_number"});
    REQUIRE(settings);
    CHECK(settings->flag("a_flag", false) == true);
    CHECK(settings->flag("absent", true) == true);
    CHECK(settings->flag("b_flag", false).error().summary == "backend setting `b_flag` must be true or false, not `maybe`");
    CHECK(settings->number("c_number", 1, 0, 100) == 12);
    CHECK(settings->number("absent", 7, 0, 100) == 7);
    CHECK_FALSE(settings->number("c_number", 1, 0, 10));
    auto bad = settings->number("d_number", 1, 0, 100);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().summary == "backend setting `d_number` must be a whole number from 0 to 100, not `12x`");
    CHECK(bad.error().location.to_string() == "stack.yaml:7:13");
}
