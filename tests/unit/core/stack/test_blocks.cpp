// Data sources, module calls, count/for_each, the lifecycle's expressions and moved/removed.
#include <catch2/catch.hpp>

#include "tests/unit/core/stack/stack_test_support.h"

using namespace plinth;
using namespace plinth::testing;

using Errors = std::vector<std::string>;

TEST_CASE("blocks: data sources, module calls and repetition") {
    auto stack = load_one(R"(stack: d
variables:
  env: { default: dev }
data:
  config:
    type: local_file
    properties: { filename: "conf-${var.env}.json" }
resources:
  web:
    type: null_resource
    count: 2
    properties: { triggers: { n: "${count.index}", c: "${data.config.content}" } }
    depends_on: [data.config, module.net]
modules:
  net:
    source: ./modules/net-${var.env}
    version: "1.2"
    for_each: { a: 1, b: 2 }
    inputs: { cidr: "10.0.${each.value}.0/24" }
    providers: { local: local.other }
moved:
  - { from: old, to: web }
removed:
  - from: gone
)");
    REQUIRE(stack);
    CHECK(stack->data.at("config").mode == ResourceMode::Data);
    CHECK(stack->data.at("config").provider == "local");
    CHECK(stack->resources.at("web").repetition.count);
    CHECK_FALSE(stack->resources.at("web").repetition.for_each);
    CHECK(stack->resources.at("web").depends_on.size() == 2);
    const ModuleCallDecl& net = stack->modules.at("net");
    CHECK(net.source);
    CHECK(net.version);
    CHECK(net.repetition.for_each);
    CHECK(net.providers == std::map<std::string, std::string>{{"local", "local.other"}});
    REQUIRE(stack->moved.size() == 1);
    CHECK(stack->moved[0].from == "old");
    CHECK(stack->moved[0].to == "web");
    CHECK(stack->moved[0].location.to_string() == "main.yaml:22:5");
    REQUIRE(stack->removed.size() == 1);
    CHECK(stack->removed[0].from == "gone");
}

TEST_CASE("blocks: lifecycle expressions and checks") {
    auto stack = load_one(R"(stack: d
variables:
  env: { default: dev }
resources:
  a:
    type: null_resource
  web:
    type: null_resource
    lifecycle:
      prevent_destroy: ${var.env == "prod"}
      replace_triggered_by: [a.id, "${a}"]
      precondition:
        - condition: ${var.env != ""}
          error_message: env must be set
      postcondition:
        - { condition: "${self.id != \"\"}", error_message: "no id for ${var.env}" }
)");
    REQUIRE(stack);
    const Lifecycle& lifecycle = stack->resources.at("web").lifecycle();
    CHECK(lifecycle.prevent_destroy);
    CHECK(lifecycle.replace_triggered_by.size() == 2);
    REQUIRE(lifecycle.preconditions.size() == 1);
    CHECK(lifecycle.preconditions[0].location.to_string() == "main.yaml:13:11");
    CHECK(lifecycle.postconditions.size() == 1);
}

TEST_CASE("blocks: errors are located") {
    SECTION("count and for_each together") {
        CHECK(errors_of(load_one("stack: d\nresources:\n  w:\n    type: x\n    count: 1\n    for_each: [a]\n")) ==
              Errors{"main.yaml:3:3: resource `w` sets both `count` and `for_each`"});
    }
    SECTION("count.index outside a counted block") {
        CHECK(errors_of(load_one("stack: d\nresources:\n  w:\n    type: x\n    for_each: [a]\n"
                                 "    properties: { n: \"${count.index}\" }\n")) ==
              Errors{"main.yaml:6:25: `count.index` can only be used in a block with count"});
    }
    SECTION("each.name is not a thing") {
        CHECK(errors_of(load_one("stack: d\nresources:\n  w:\n    type: x\n    for_each: [a]\n"
                                 "    properties: { n: \"${each.name}\" }\n")) ==
              Errors{"main.yaml:6:25: unknown `each.name`"});
    }
    SECTION("self outside a postcondition") {
        CHECK(errors_of(load_one("stack: d\nresources:\n  w:\n    type: x\n    properties: { n: \"${self.id}\" }\n")) ==
              Errors{"main.yaml:5:25: `self` can only be used in a postcondition"});
    }
    SECTION("a module without source, and a source using a resource") {
        CHECK(errors_of(load_one("stack: d\nmodules:\n  m:\n    inputs: {}\n")) ==
              Errors{"main.yaml:3:3: module `m` has no `source`"});
        CHECK(errors_of(load_one("stack: d\nresources:\n  w: { type: x }\nmodules:\n  m:\n    source: \"./${w.id}\"\n")) ==
              Errors{"main.yaml:6:18: `w.id` cannot be used in a module's source"});
    }
    SECTION("undeclared data source and module") {
        CHECK(errors_of(load_one("stack: d\noutputs:\n  a: { value: \"${data.nope.x}\" }\n"
                                 "  b: { value: \"${module.nope.x}\" }\n")) ==
              Errors{"main.yaml:3:18: reference to undeclared data source `nope`",
                     "main.yaml:4:18: reference to undeclared module `nope`"});
    }
    SECTION("moved entries need from and to") {
        CHECK(errors_of(load_one("stack: d\nmoved:\n  - { from: a }\n")) ==
              Errors{"main.yaml:3:5: an entry of `moved` has no `to`"});
    }
}

TEST_CASE("blocks: a module stack needs no name") {
    CHECK(load_stack_from_files("/m", {{"main.yaml", "variables: { x: {} }\n"}}, StackRole::Module));
    CHECK_FALSE(load_stack_from_files("/m", {{"main.yaml", "variables: { x: {} }\n"}}));
}
