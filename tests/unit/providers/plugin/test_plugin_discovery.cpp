#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <cstdlib>
#include <sys/stat.h>

#include "../temp_dir.h"
#include "providers/builtin/builtin.h"
#include "providers/plugin/plugin_discovery.h"
#include "providers/plugin/plugin_registration.h"

using namespace plinth;
using namespace plinth::providers;
using plinth::testing::TempDir;

namespace {

void make_file(const std::filesystem::path& path, bool executable) {
    std::filesystem::create_directories(path.parent_path());
    plinth::testing::spit(path.string(), "#!/bin/sh\nexit 0\n");
    ::chmod(path.c_str(), executable ? 0755 : 0644);
}

std::vector<std::string> names_of(const std::vector<PluginExecutable>& plugins) {
    std::vector<std::string> names;
    for (const auto& plugin : plugins) names.push_back(plugin.name);
    return names;
}

}  // namespace

TEST_CASE("plugin_discovery: the stack's own folder, then providers_dir, then PATH") {
    TempDir dir;
    const char* saved = std::getenv("PATH");
    std::string old_path = saved ? saved : "";
    ::setenv("PATH", (dir.file("bin1") + "::" + dir.file("bin2")).c_str(), 1);
    auto dirs = plugin_search_dirs(dir.path() / "stack", dir.path() / "shared");
    auto outside_a_stack = plugin_search_dirs({}, {});
    ::setenv("PATH", old_path.c_str(), 1);
    CHECK(dirs == std::vector<std::filesystem::path>{dir.path() / "stack/.plinth/providers", dir.path() / "shared",
                                                     dir.path() / "bin1", dir.path() / "bin2"});
    CHECK(plugin_search_dirs(dir.path(), {}).front() == dir.path() / ".plinth/providers");
    CHECK(outside_a_stack == std::vector<std::filesystem::path>{dir.path() / "bin1", dir.path() / "bin2"});
}

TEST_CASE("plugin_discovery: the first folder holding a name wins; only executables with a valid name count") {
    TempDir dir;
    make_file(dir.path() / "first/plinth-provider-acme", true);
    make_file(dir.path() / "second/plinth-provider-acme", true);
    make_file(dir.path() / "second/plinth-provider-beta", true);
    make_file(dir.path() / "second/plinth-provider-gamma", false);    // not executable
    make_file(dir.path() / "second/plinth-provider-Bad_Name", true);  // not a provider name
    make_file(dir.path() / "second/plinth-provider-", true);
    make_file(dir.path() / "second/other-tool", true);
    std::filesystem::create_directories(dir.path() / "second/plinth-provider-dir");
    auto plugins = find_plugins({dir.path() / "missing", dir.path() / "first", dir.path() / "second"});
    CHECK(names_of(plugins) == std::vector<std::string>{"acme", "beta"});
    CHECK(plugins[0].path == dir.path() / "first/plinth-provider-acme");
    CHECK(plugins[1].path == dir.path() / "second/plinth-provider-beta");
}

TEST_CASE("plugin_registration: plugins join the registry with their path; a built-in of the same name wins") {
    TempDir dir;
    make_file(dir.path() / "plinth-provider-acme", true);
    make_file(dir.path() / "plinth-provider-local", true);
    ProviderRegistry registry;
    register_builtin_providers(registry);
    register_plugin_providers(registry, {dir.path()}, PluginOptions{});
    CHECK(registry.contains("acme"));
    CHECK(registry.origin("acme") == (dir.path() / "plinth-provider-acme").string());
    CHECK(registry.origin("local") == "built-in");
}

TEST_CASE("plugin_registration: a plugin that exits at once fails to start, naming itself") {
    TempDir dir;
    make_file(dir.path() / "plinth-provider-acme", true);
    ProviderRegistry registry;
    register_plugin_providers(registry, {dir.path()}, PluginOptions{});
    auto started = registry.create("acme");
    REQUIRE_FALSE(started);
    CHECK(started.error().summary == fmt::format("provider plugin `acme` ({}) stopped unexpectedly: it exited with status 0",
                                                 (dir.path() / "plinth-provider-acme").string()));
    CHECK(started.error().detail == "It wrote nothing to stderr.");
}

TEST_CASE("plugin_registration: a bad PLINTH_PLUGIN_TIMEOUT is reported when a plugin is needed") {
    TempDir dir;
    make_file(dir.path() / "plinth-provider-acme", true);
    ::setenv("PLINTH_PLUGIN_TIMEOUT", "soon", 1);
    auto options = plugin_options_from_environment();
    ::setenv("PLINTH_PLUGIN_TIMEOUT", "90s", 1);
    CHECK(plugin_options_from_environment()->call_timeout == std::chrono::seconds(90));
    ::setenv("PLINTH_PLUGIN_TIMEOUT", "0", 1);
    CHECK_FALSE(plugin_options_from_environment());
    ::unsetenv("PLINTH_PLUGIN_TIMEOUT");
    CHECK(plugin_options_from_environment()->call_timeout == std::chrono::minutes(5));
    REQUIRE_FALSE(options);
    ProviderRegistry registry;
    register_plugin_providers(registry, {dir.path()}, options);
    auto started = registry.create("acme");
    REQUIRE_FALSE(started);
    CHECK_THAT(started.error().summary, Catch::StartsWith("provider plugin `acme` ("));
    CHECK_THAT(started.error().detail, Catch::StartsWith("PLINTH_PLUGIN_TIMEOUT=soon: "));
}

TEST_CASE("plugin_registration: a plugin that failed to start is not started again") {
    TempDir dir;
    std::filesystem::path plugin = dir.path() / "plinth-provider-acme";
    make_file(plugin, true);
    plinth::testing::spit(plugin.string(), "#!/bin/sh\necho started >> \"$0.starts\"\nexit 1\n");
    ProviderRegistry registry;
    register_plugin_providers(registry, {dir.path()}, PluginOptions{});
    auto first = registry.create("acme");
    auto second = registry.create("acme");
    REQUIRE_FALSE(first);
    REQUIRE_FALSE(second);
    CHECK(second.error().summary == first.error().summary);
    CHECK(plinth::testing::slurp(plugin.string() + ".starts") == "started\n");
}
