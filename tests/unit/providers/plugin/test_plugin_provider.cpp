#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <cstdlib>

#include "../temp_dir.h"
#include "providers/plugin/plugin_provider.h"

using namespace plinth;
using namespace plinth::providers;
using plinth::testing::TempDir;

namespace {

const std::filesystem::path k_source = PLINTH_SOURCE_DIR;
const std::filesystem::path k_dotenv = k_source / "examples/plugins/plinth-provider-dotenv";
const std::filesystem::path k_faulty = k_source / "tests/fixtures/plugins/plinth-provider-faulty";

std::unique_ptr<PluginProvider> start_dotenv(const TempDir& dir) {
    auto provider = PluginProvider::start("dotenv", k_dotenv, PluginOptions{});
    REQUIRE(provider);
    REQUIRE((*provider)->configure(Value(ValueMap{{"directory", dir.path().string()}})));
    return std::move(*provider);
}

// Starts the faulty plugin misbehaving as `mode` says; the error it gives.
ProviderError faulty_start_error(const char* mode) {
    ::setenv("PLINTH_FAULTY_MODE", mode, 1);
    auto provider = PluginProvider::start("faulty", k_faulty, PluginOptions{});
    ::unsetenv("PLINTH_FAULTY_MODE");
    REQUIRE_FALSE(provider);
    return provider.error();
}

Value entry(const std::string& key, Value value) {
    return Value(ValueMap{{"file", "app.env"}, {"key", key}, {"value", std::move(value)}});
}

}  // namespace

TEST_CASE("plugin_provider: the dotenv example's whole life cycle through the protocol") {
    TempDir dir;
    auto dotenv = start_dotenv(dir);
    CHECK(dotenv->schema().name == "dotenv");
    CHECK(dotenv->schema().version == "1.0.0");
    REQUIRE(dotenv->schema().find_resource("dotenv_entry"));
    REQUIRE(dotenv->schema().find_data_source("dotenv_file"));

    auto plan = dotenv->plan("dotenv_entry", nullptr, entry("PORT", "8080"));
    REQUIRE(plan);
    CHECK(plan->planned.find("id")->as_string() == "app.env:PORT");
    auto created = dotenv->create("dotenv_entry", plan->planned);
    REQUIRE(created);
    CHECK(*created == plan->planned);
    CHECK(plinth::testing::slurp(dir.file("app.env")) == "PORT=8080\n");

    plinth::testing::spit(dir.file("app.env"), "# edited by hand\nPORT=9090\n");
    auto drifted = dotenv->read("dotenv_entry", *created);
    REQUIRE(drifted);
    REQUIRE(*drifted);
    CHECK((*drifted)->find("value")->as_string() == "9090");

    auto replan = dotenv->plan("dotenv_entry", &**drifted, entry("PORT", "8080"));
    REQUIRE(replan);
    CHECK(replan->requires_replace.empty());
    auto updated = dotenv->update("dotenv_entry", **drifted, replan->planned);
    REQUIRE(updated);
    CHECK(plinth::testing::slurp(dir.file("app.env")) == "# edited by hand\nPORT=8080\n");

    auto imported = dotenv->import("dotenv_entry", "app.env:PORT");
    REQUIRE(imported);
    CHECK(*imported == *updated);
    auto data = dotenv->read_data("dotenv_file", Value(ValueMap{{"file", "app.env"}}));
    REQUIRE(data);
    CHECK(*data->find("entries") == Value(ValueMap{{"PORT", "8080"}}));

    REQUIRE(dotenv->remove("dotenv_entry", *updated));
    CHECK(plinth::testing::slurp(dir.file("app.env")) == "# edited by hand\n");
    auto gone = dotenv->read("dotenv_entry", *updated);
    REQUIRE(gone);
    CHECK_FALSE(*gone);
}

TEST_CASE("plugin_provider: unknowns travel both ways; a replaced key is reported") {
    TempDir dir;
    auto dotenv = start_dotenv(dir);
    auto plan = dotenv->plan("dotenv_entry", nullptr, entry("TOKEN", Value::unknown()));
    REQUIRE(plan);
    CHECK(plan->planned.find("value")->is_unknown());
    Value prior(ValueMap{{"file", "app.env"}, {"key", "OLD"}, {"value", "1"}, {"id", "app.env:OLD"}});
    auto replace = dotenv->plan("dotenv_entry", &prior, entry("NEW", "1"));
    REQUIRE(replace);
    CHECK(replace->requires_replace == std::vector<std::string>{"key"});
}

TEST_CASE("plugin_provider: the plugin's own checks and its typed errors") {
    TempDir dir;
    auto dotenv = start_dotenv(dir);
    auto problems = dotenv->validate(BlockKind::Resource, "dotenv_entry", entry("1BAD", "x"));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].summary == "invalid key \"1BAD\"");
    CHECK(problems[0].attribute == "key");
    CHECK(dotenv->validate(BlockKind::Resource, "dotenv_entry", entry("GOOD", Value::unknown())).empty());
    auto missing = dotenv->import("dotenv_entry", "app.env:NOPE");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().kind == ProviderError::Kind::NotFound);
    CHECK(missing.error().summary == "app.env has no entry NOPE");
    auto no_file = dotenv->read_data("dotenv_file", Value(ValueMap{{"file", "none.env"}}));
    REQUIRE_FALSE(no_file);
    CHECK(no_file.error().attribute == "file");
}

TEST_CASE("plugin_provider: settings are checked against the plugin's settings schema first") {
    auto provider = PluginProvider::start("dotenv", k_dotenv, PluginOptions{});
    REQUIRE(provider);
    auto configured = (*provider)->configure(Value(ValueMap{{"directroy", "/tmp"}}));
    REQUIRE_FALSE(configured);
    CHECK_THAT(configured.error().summary, Catch::Contains("directroy"));
}

TEST_CASE("plugin_provider: sensitive attributes are marked again from the schema, and where the plugin says") {
    auto faulty = PluginProvider::start("faulty", k_faulty, PluginOptions{});
    REQUIRE(faulty);
    auto created = (*faulty)->create("faulty_item", Value(ValueMap{{"name", "a"}, {"secret", Value("pw").mark_sensitive()}}));
    REQUIRE(created);
    CHECK(created->find("secret")->is_sensitive());
    CHECK_FALSE(created->find("name")->is_sensitive());
    auto hidden = (*faulty)->create("faulty_item", Value(ValueMap{{"name", "hidden"}}));
    REQUIRE(hidden);
    CHECK(hidden->find("id")->is_sensitive());  // the plugin's own mark
    CHECK(hidden->find("id")->as_string() == "hidden");
}

TEST_CASE("plugin_provider: handshake and schema mistakes are clear errors naming the plugin") {
    std::string label = fmt::format("provider plugin `faulty` ({})", k_faulty.string());
    CHECK(faulty_start_error("version").summary ==
          label + " speaks plugin protocol version 99; this plinth speaks version 1");
    CHECK(faulty_start_error("wrong_name").summary ==
          label + " answered the handshake as provider \"other\", not `faulty`");
    ProviderError schema = faulty_start_error("bad_schema");
    CHECK(schema.summary == label + " sent an invalid schema");
    CHECK_THAT(schema.detail, Catch::StartsWith("resources[0].attributes[0].type: expected one of"));
    CHECK(faulty_start_error("refuse").summary == label + " failed `handshake`: license expired");
    CHECK_THAT(faulty_start_error("noise").summary,
               Catch::Contains("wrote a line that is not a JSON-RPC answer: `faulty plugin starting up`"));
}
