#include <catch2/catch.hpp>

#include "tests/unit/core/stack/stack_test_support.h"

using namespace plinth;
using namespace plinth::testing;

TEST_CASE("provider config: settings, aliases and the plugin directory") {
    auto stack = load_one(R"(stack: demo
providers_dir: tools/providers
variables:
  region: { default: eu-west-1 }
providers:
  aws:
    region: ${var.region}
  aws.us:
    region: us-east-1
  random:
resources:
  bucket: { type: aws_s3_bucket, provider: aws.us }
)");
    REQUIRE(stack);
    REQUIRE(stack->provider_configs.size() == 3);
    const ProviderConfigDecl& aws = stack->provider_configs.at("aws");
    CHECK(aws.provider == "aws");
    CHECK(aws.alias.empty());
    CHECK(aws.location.to_string() == "main.yaml:6:3");
    CHECK(evaluate_with(aws.settings, {{"region", Value("eu-west-1")}}) ==
          Value(ValueMap{{"region", Value("eu-west-1")}}));
    const ProviderConfigDecl& us = stack->provider_configs.at("aws.us");
    CHECK(us.provider == "aws");
    CHECK(us.alias == "us");
    CHECK(evaluate_with(stack->provider_configs.at("random").settings) == Value(ValueMap{}));
    CHECK(stack->resources.at("bucket").provider == "aws.us");
    CHECK(stack->providers_dir == stack->dir / "tools/providers");
}

TEST_CASE("provider config: requirements") {
    auto stack = load_one(R"(stack: demo
requires:
  plinth: ">= 0.1"
  providers:
    acme: "~> 1.2"
)");
    REQUIRE(stack);
    REQUIRE(stack->requirements.plinth);
    CHECK(stack->requirements.plinth->constraint == ">= 0.1");
    CHECK(stack->requirements.plinth->location.to_string() == "main.yaml:3:11");
    CHECK(stack->requirements.providers.at("acme").constraint == "~> 1.2");
    CHECK(stack->requirements.providers.at("acme").location.to_string() == "main.yaml:5:11");
}

TEST_CASE("provider config: errors point at the offending line") {
    CHECK(errors_of(load_one("stack: d\nproviders:\n  aws.: {}\n")) ==
          std::vector<std::string>{"main.yaml:3:3: invalid provider configuration name `aws.`"});
    CHECK(errors_of(load_one("stack: d\nproviders:\n  aws: [1]\n")) ==
          std::vector<std::string>{"main.yaml:3:8: the settings of provider `aws` must be a mapping, not a list"});
    CHECK(errors_of(load_one("stack: d\nresources:\n  w: { type: null_resource }\nproviders:\n  aws: { region: \"${w.id}\" }\n")) ==
          std::vector<std::string>{"main.yaml:5:21: `w.id` cannot be used in the settings of provider `aws`"});
    CHECK(errors_of(load_one("stack: d\nrequires: { providers: [a] }\n")) ==
          std::vector<std::string>{"main.yaml:2:24: `requires.providers` must map provider names to version "
                                   "constraints, not a list"});
    CHECK(errors_of(load_files({{"a.yaml", "stack: d\nrequires: {}\n"}, {"b.yaml", "requires: {}\n"}})) ==
          std::vector<std::string>{"b.yaml:1:1: `requires` is given twice"});
    CHECK(errors_of(load_files({{"a.yaml", "stack: d\nproviders: { aws: {} }\n"}, {"b.yaml", "providers: { aws: {} }\n"}})) ==
          std::vector<std::string>{"b.yaml:1:14: provider configuration `aws` is declared twice"});
}

TEST_CASE("provider config: modules use their caller's configurations") {
    auto module = load_stack_from_files("/m", {{"main.yaml", "providers: { aws: {} }\nproviders_dir: x\n"}},
                                        StackRole::Module);
    CHECK(errors_of(module) == std::vector<std::string>{"/m/main.yaml:1:1: a module cannot configure providers",
                                                        "/m/main.yaml:2:1: a module cannot set `providers_dir`"});
}
