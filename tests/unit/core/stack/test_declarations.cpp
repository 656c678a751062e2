#include <catch2/catch.hpp>

#include "tests/unit/core/stack/stack_test_support.h"

using namespace plinth;
using namespace plinth::testing;

using Errors = std::vector<std::string>;

TEST_CASE("declarations: a resource with every field") {
    auto stack = load_one(R"(stack: d
resources:
  base:
    type: random_id
  web-1:
    type: local_file
    provider: local.other
    properties:
      path: out.txt
    depends_on: [base]
    lifecycle:
      create_before_destroy: true
      prevent_destroy: false
      ignore_changes: [content, all]
)");
    REQUIRE(stack);
    const ResourceDecl& web = stack->resources.at("web-1");
    CHECK(web.provider == "local.other");
    REQUIRE(web.depends_on.size() == 1);
    CHECK(web.depends_on[0].target == "base");
    CHECK(web.depends_on[0].location.to_string() == "main.yaml:10:18");
    CHECK(web.lifecycle().create_before_destroy);
    REQUIRE(web.lifecycle().prevent_destroy);
    CHECK(web.lifecycle().ignore_changes == std::vector<std::string>{"content", "all"});
    CHECK(stack->resources.at("base").provider == "random");
    CHECK(evaluate_with(stack->resources.at("base").properties) == Value(ValueMap{}));
}

TEST_CASE("declarations: resource errors are located") {
    SECTION("unknown key") {
        auto error = only_error(load_one("stack: d\nresources:\n  web:\n    type: x\n    counts: 2\n"));
        CHECK(error.location.to_string() == "main.yaml:5:5");
        CHECK(error.summary == "unknown key `counts` in resource `web`");
        CHECK(error.detail == "valid keys: type, provider, properties, count, for_each, depends_on, lifecycle");
    }
    SECTION("missing type") {
        CHECK(errors_of(load_one("stack: d\nresources:\n  web:\n    properties: {}\n")) ==
              Errors{"main.yaml:3:3: resource `web` has no `type`"});
    }
    SECTION("type not a string") {
        CHECK(errors_of(load_one("stack: d\nresources:\n  web:\n    type: {a: b}\n")) ==
              Errors{"main.yaml:4:11: `type` of resource `web` must be a string, not a mapping"});
    }
    SECTION("not a mapping") {
        CHECK(errors_of(load_one("stack: d\nresources:\n  web: local_file\n")) ==
              Errors{"main.yaml:3:3: resource `web` must be a mapping, not a scalar"});
    }
    SECTION("bad names") {
        CHECK(errors_of(load_one("stack: d\nresources:\n  1web:\n    type: x\n  a.b:\n    type: x\n")) ==
              Errors{"main.yaml:3:3: invalid resource name `1web`", "main.yaml:5:3: invalid resource name `a.b`"});
        CHECK(errors_of(load_one("stack: d\nresources:\n  var:\n    type: x\n")) ==
              Errors{"main.yaml:3:3: `var` is a reserved name and cannot name a resource"});
    }
    SECTION("properties not a mapping") {
        CHECK(errors_of(load_one("stack: d\nresources:\n  web:\n    type: x\n    properties: [1]\n")) ==
              Errors{"main.yaml:5:17: `properties` of resource `web` must be a mapping, not a list"});
    }
    SECTION("depends_on not a list of names") {
        CHECK(errors_of(load_one("stack: d\nresources:\n  web:\n    type: x\n    depends_on: a\n")) ==
              Errors{"main.yaml:5:17: `depends_on` of resource `web` must be a list of names, not a scalar"});
        CHECK(errors_of(load_one("stack: d\nresources:\n  web:\n    type: x\n    depends_on: [[a]]\n")) ==
              Errors{"main.yaml:5:18: `depends_on` of resource `web` must list names, not a list"});
    }
    SECTION("lifecycle") {
        auto stack = load_one(R"(stack: d
resources:
  web:
    type: x
    lifecycle:
      create_before_destroy: yes
      replace_after: [a]
)");
        CHECK(errors_of(stack) ==
              Errors{"main.yaml:7:7: unknown key `replace_after` in the lifecycle of resource `web`",
                     "main.yaml:6:30: `create_before_destroy` of the lifecycle of resource `web` must be true or "
                     "false, not a scalar"});
    }
}

TEST_CASE("declarations: variables") {
    auto stack = load_one(R"yaml(stack: d
variables:
  anything: {}
  env: { type: string, default: dev, description: Where }
  replicas: { type: number, default: "3" }
  ports: { type: list(number), default: [80, "443"] }
  tags: { type: "map(string)", default: { a: 1, b: true } }
  secret: { type: string, sensitive: true }
  nothing: { type: string, default: null }
)yaml");
    REQUIRE(stack);
    const auto& variables = stack->variables;
    CHECK(variables.at("anything").type.kind == TypeConstraint::Kind::Any);
    CHECK_FALSE(variables.at("anything").default_value);
    CHECK(variables.at("env").description == "Where");
    CHECK(variables.at("env").default_value == Value("dev"));
    CHECK(variables.at("replicas").default_value == Value(3));
    CHECK(variables.at("ports").type.to_string() == "list(number)");
    CHECK(variables.at("ports").default_value == Value(ValueList{Value(80), Value(443)}));
    CHECK(variables.at("tags").default_value == Value(ValueMap{{"a", Value("1")}, {"b", Value("true")}}));
    CHECK(variables.at("secret").sensitive);
    CHECK_FALSE(variables.at("secret").default_value);
    REQUIRE(variables.at("nothing").default_value);
    CHECK(variables.at("nothing").default_value->is_null());
}

TEST_CASE("declarations: variable errors are located") {
    SECTION("default of the wrong type points at the default") {
        auto error = only_error(load_one("stack: d\nvariables:\n  n:\n    type: number\n    default: many\n"));
        CHECK(error.location.to_string() == "main.yaml:5:14");
        CHECK(error.summary == "the default of variable `n` does not fit its type");
        CHECK(error.detail == "var.n: expected number, got string");
    }
    SECTION("nested default") {
        auto error = only_error(load_one("stack: d\nvariables:\n  p: { type: list(number), default: [1, x] }\n"));
        CHECK(error.detail == "var.p[1]: expected number, got string");
    }
    SECTION("unknown type") {
        auto error = only_error(load_one("stack: d\nvariables:\n  n: { type: strng }\n"));
        CHECK(error.location.to_string() == "main.yaml:3:14");
        CHECK(error.summary == "variable `n`: unknown type `strng`");
    }
    SECTION("unknown key") {
        auto error = only_error(load_one("stack: d\nvariables:\n  n: { type: string, validations: {} }\n"));
        CHECK(error.location.to_string() == "main.yaml:3:22");
        CHECK(error.summary == "unknown key `validations` in variable `n`");
        CHECK(error.detail == "valid keys: type, default, description, sensitive, nullable, validation");
    }
    SECTION("short form") {
        CHECK(errors_of(load_one("stack: d\nvariables:\n  n: string\n  m:\n")) ==
              Errors{"main.yaml:3:3: variable `n` must be a mapping, not a scalar",
                     "main.yaml:4:3: variable `m` must be a mapping, not null"});
    }
    SECTION("sensitive must be a bool") {
        CHECK(errors_of(load_one("stack: d\nvariables:\n  n: { sensitive: \"true\" }\n")) ==
              Errors{"main.yaml:3:19: `sensitive` of variable `n` must be true or false, not a scalar"});
    }
    SECTION("duplicate field") {
        auto error = only_error(load_one("stack: d\nvariables:\n  n: { type: string, type: number }\n"));
        CHECK(error.location.to_string() == "main.yaml:3:22");
        CHECK(error.summary == "duplicate key `type`");
    }
}

TEST_CASE("declarations: locals take any value") {
    auto stack = load_one(R"(stack: d
variables:
  x: {}
locals:
  name: app
  size: 3
  list: [a, 1]
  nested: { a: { b: "${var.x}" } }
)");
    REQUIRE(stack);
    CHECK(stack->locals.at("name").location.to_string() == "main.yaml:5:3");
    CHECK(evaluate_with(stack->locals.at("size").value) == Value(3));
    CHECK(evaluate_with(stack->locals.at("list").value) == Value(ValueList{Value("a"), Value(1)}));
    CHECK(evaluate_with(stack->locals.at("nested").value, {{"x", Value(true)}}) ==
          Value(ValueMap{{"a", Value(ValueMap{{"b", Value(true)}})}}));
}

TEST_CASE("declarations: outputs") {
    auto stack = load_one(R"(stack: d
outputs:
  plain: { value: hello, description: A greeting }
  secret: { value: 42, sensitive: true }
)");
    REQUIRE(stack);
    CHECK(stack->outputs.at("plain").description == "A greeting");
    CHECK(evaluate_with(stack->outputs.at("plain").value) == Value("hello"));
    CHECK(stack->outputs.at("secret").sensitive);
    CHECK(errors_of(load_one("stack: d\noutputs:\n  o: { description: none }\n")) ==
          Errors{"main.yaml:3:3: output `o` has no `value`"});
    CHECK(errors_of(load_one("stack: d\noutputs:\n  o: { value: 1, format: x }\n")) ==
          Errors{"main.yaml:3:18: unknown key `format` in output `o`"});
}
