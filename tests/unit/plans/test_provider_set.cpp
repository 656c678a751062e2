#include <catch2/catch.hpp>

#include "core/stack/loader.h"
#include "fake_provider.h"
#include "plans/provider_set.h"
#include "plans/requirements.h"
#include "test_stack.h"

using namespace plinth;
using namespace plinth::plans;
using namespace plinth::testing;

namespace {

struct Providers {
    explicit Providers(const std::string& yaml) : stack(load_test_stack(yaml)), set(registry, stack) {}

    std::shared_ptr<FakeWorld> world = std::make_shared<FakeWorld>();
    providers::ProviderRegistry registry = fake_registry(world);
    Stack stack;
    ProviderSet set;
};

std::string error_of(const std::expected<providers::Provider*, Diagnostic>& result) {
    REQUIRE_FALSE(result);
    return result.error().location.to_string() + ": " + result.error().summary;
}

}  // namespace

TEST_CASE("provider set: settings come from variables and locals, with defaults filled in") {
    Providers p(R"(variables:
  secret: { sensitive: true }
locals:
  host: https://${var.secret}.example
providers:
  fake:
    endpoint: ${local.host}
    token: ${var.secret}
  fake.other: {}
)");
    p.set.configure_with({{"secret", Value("abc").mark_sensitive()}}, "default");
    auto provider = p.set.get("fake");
    REQUIRE(provider);
    CHECK(p.world->settings.find("endpoint")->as_string() == "https://abc.example");
    CHECK(p.world->settings.find("token")->is_sensitive());
    REQUIRE(p.set.get("fake"));
    REQUIRE(p.set.get("fake.other"));
    CHECK(p.world->calls == std::vector<std::string>{"configure https://abc.example", "configure local"});
    CHECK(*p.set.get("fake") != *p.set.get("fake.other"));
}

TEST_CASE("provider set: without variables providers are made but not configured") {
    Providers p("providers:\n  fake: { endpoint: down }\n");
    REQUIRE(p.set.get("fake"));
    CHECK(p.world->calls.empty());
}

TEST_CASE("provider set: errors name the configuration and the line") {
    SECTION("an alias that is not declared") {
        Providers p("providers:\n  fake.east: {}\n");
        CHECK(error_of(p.set.get("fake.eats", SourceLocation{"stack.yaml", 9, 5})) ==
              "stack.yaml:9:5: provider configuration `fake.eats` is not declared");
        CHECK(p.set.get("fake.eats").error().detail == "did you mean `fake.east`?");
    }
    SECTION("an unknown provider") {
        Providers p("");
        auto result = p.set.get("acme", SourceLocation{"stack.yaml", 4, 3});
        CHECK(error_of(result) == "stack.yaml:4:3: unknown provider `acme`");
        CHECK(result.error().detail.starts_with("available providers: fake; a plugin provider is an executable "
                                                "`plinth-provider-acme`"));
    }
    SECTION("a setting the provider does not have") {
        Providers p("providers:\n  fake:\n    endpiont: x\n");
        p.set.configure_with({}, "default");
        auto result = p.set.get("fake");
        CHECK(error_of(result) == "stack.yaml:4:15: Unsupported attribute \"endpiont\"");
        CHECK(result.error().detail == "provider `fake` has no attribute \"endpiont\". Did you mean \"endpoint\"?");
    }
    SECTION("a setting of the wrong type") {
        Providers p("providers:\n  fake:\n    token: [1]\n");
        p.set.configure_with({}, "default");
        CHECK(error_of(p.set.get("fake")) == "stack.yaml:4:12: Wrong type for attribute \"token\"");
    }
    SECTION("settings not known before apply") {
        Providers p("variables:\n  v: {}\nproviders:\n  fake: { endpoint: \"${var.v}\" }\n");
        p.set.configure_with({{"v", Value::unknown()}}, "default");
        CHECK(error_of(p.set.get("fake")) == "stack.yaml:5:3: the settings of provider `fake` are not known before apply");
    }
    SECTION("configure fails") {
        Providers p("providers:\n  fake:\n    endpoint: down\n");
        p.set.configure_with({}, "default");
        CHECK(error_of(p.set.get("fake")) == "stack.yaml:4:15: provider `fake`: cannot reach the endpoint");
    }
    SECTION("a version the stack does not allow") {
        Providers p("requires:\n  providers: { fake: \">= 1.2\" }\n");
        auto result = p.set.get("fake");
        CHECK(error_of(result) == "stack.yaml:3:22: provider `fake` 1.0.0 does not satisfy \">= 1.2\"");
        CHECK(result.error().detail.starts_with("the provider comes from built-in;"));
    }
}

TEST_CASE("requirements: plinth's own version") {
    CHECK_FALSE(check_plinth_requirement(load_test_stack("requires: { plinth: \">= 0.1\" }\n").requirements));
    auto unmet = check_plinth_requirement(load_test_stack("requires: { plinth: \">= 99\" }\n").requirements);
    REQUIRE(unmet);
    CHECK(unmet->summary.starts_with("this stack requires plinth >= 99, but this is plinth "));
    CHECK(unmet->location.to_string() == "stack.yaml:2:21");
    auto invalid = check_plinth_requirement(load_test_stack("requires: { plinth: \"soon\" }\n").requirements);
    REQUIRE(invalid);
    CHECK(invalid->summary == "invalid version constraint for plinth");
}

TEST_CASE("provider set: settings may read the workspace") {
    Providers p("providers:\n  fake: { endpoint: \"https://${plinth.workspace}.example\" }\n");
    p.set.configure_with({}, "staging");
    REQUIRE(p.set.get("fake"));
    CHECK(p.world->calls == std::vector<std::string>{"configure https://staging.example"});
}
