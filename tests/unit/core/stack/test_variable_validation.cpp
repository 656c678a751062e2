#include <catch2/catch.hpp>

#include "tests/unit/core/stack/stack_test_support.h"

using namespace plinth;
using namespace plinth::testing;

using Errors = std::vector<std::string>;

namespace {

std::expected<Stack, Diagnostics> load_variables(const std::string& variables) {
    return load_one("stack: v\nlocals:\n  l: 1\nvariables:\n  other: {}\n" + variables);
}

}  // namespace

TEST_CASE("variable_validation: one mapping or a list of them") {
    auto stack = load_variables(R"yaml(  one:
    validation: { condition: "${var.one != \"\"}", message: not empty }
  two:
    validation:
      - condition: ${length(var.two) > 1}
        message: "at least 2, got ${length(var.two)}"
      - condition: ${length(var.two) < 5}
        message: fewer than 5
  none: {}
)yaml");
    REQUIRE(stack);
    CHECK(stack->variables.at("one").validations.size() == 1);
    REQUIRE(stack->variables.at("two").validations.size() == 2);
    CHECK(stack->variables.at("two").validations[1].location.to_string() == "main.yaml:12:20");
    CHECK(stack->variables.at("none").validations.empty());
    CHECK(stack->variables.at("none").nullable);
}

TEST_CASE("variable_validation: only the variable itself may be referred to") {
    CHECK(errors_of(load_variables(R"yaml(  x:
    validation:
      condition: ${var.x == var.other && local.l == 1}
      message: "${path.stack} ${var.x}"
)yaml")) == Errors{
                    "main.yaml:8:29: a validation of variable `x` can only refer to `var.x`, not `var.other`",
                    "main.yaml:8:42: a validation of variable `x` can only refer to `var.x`, not `local.l`",
                    "main.yaml:9:19: a validation of variable `x` can only refer to `var.x`, not `path.stack`",
                });
}

TEST_CASE("variable_validation: the condition must refer to the variable and may be a bool") {
    CHECK(errors_of(load_variables(R"yaml(  x:
    validation: { condition: true, message: m }
)yaml")) == Errors{"main.yaml:7:30: the condition of a validation of variable `x` must refer to `var.x`"});
    CHECK(errors_of(load_variables(R"yaml(  x:
    validation: { condition: "${[var.x]}", message: m }
)yaml")) == Errors{"main.yaml:7:30: the condition of a validation of variable `x` must be a bool, not list"});
    CHECK(errors_of(load_variables(R"yaml(  x:
    validation: { condition: "${var.x} is fine", message: m }
)yaml")) == Errors{});  // known to be a string only once the value is: checked then
}

TEST_CASE("variable_validation: malformed entries") {
    CHECK(errors_of(load_variables(R"yaml(  x:
    validation: must be set
)yaml")) == Errors{"main.yaml:7:17: `validation` of variable `x` must be a mapping with `condition` and `message`, "
                   "or a list of them, not a scalar"});
    CHECK(errors_of(load_variables(R"yaml(  x:
    validation:
      - { condition: "${var.x}" }
      - { message: m, error_message: n }
)yaml")) == Errors{
                    "main.yaml:8:9: the validation of variable `x` has no `message`",
                    "main.yaml:9:23: unknown key `error_message` in the validation of variable `x`",
                    "main.yaml:9:9: the validation of variable `x` has no `condition`",
                });
    CHECK(errors_of(load_variables(R"yaml(  x:
    validation: { condition: "${var.x}", message: [a, b] }
)yaml")) == Errors{"main.yaml:7:51: the message of the validation of variable `x` must be a string, not a list"});
    CHECK(errors_of(load_variables(R"yaml(  x:
    validation: { condition: "${var.x +}", message: m }
)yaml")) == Errors{"main.yaml:7:40: expected an expression, found \"}\""});
}

TEST_CASE("variable_validation: nullable") {
    auto stack = load_variables("  x: { nullable: false, default: 1 }\n");
    REQUIRE(stack);
    CHECK_FALSE(stack->variables.at("x").nullable);
    CHECK(errors_of(load_variables("  x: { nullable: false, default: null }\n")) ==
          Errors{"main.yaml:6:34: the default of variable `x` cannot be null"});
    CHECK(errors_of(load_variables("  x: { nullable: no }\n")) ==
          Errors{"main.yaml:6:18: `nullable` of variable `x` must be true or false, not a scalar"});
}

TEST_CASE("variable_validation: type errors point inside the type") {
    CHECK(errors_of(load_variables("  x: { type: \"list(strng)\" }\n")) ==
          Errors{"main.yaml:6:20: variable `x`: unknown type `strng`"});
    CHECK(errors_of(load_variables("  x:\n    type: object({name = string, port = number)\n")) ==
          Errors{"main.yaml:7:47: variable `x`: expected `,` or `}` after the attribute's type, found `)`"});
    auto stack = load_variables(R"yaml(  x:
    type: |
      object({
        name = string
        port = optional(number, 80)
      })
    default: { name: web }
)yaml");
    REQUIRE(stack);
    CHECK(stack->variables.at("x").default_value == Value(ValueMap{{"name", Value("web")}, {"port", Value(80)}}));
    auto error = only_error(load_variables("  x: { type: \"object({name = string})\", default: { nmae: web } }\n"));
    CHECK(error.summary == "the default of variable `x` does not fit its type");
    CHECK(error.detail == "var.x: unexpected attribute \"nmae\"; did you mean `name`?");
}
