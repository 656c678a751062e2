#include <catch2/catch.hpp>

#include "core/stack/variables.h"
#include "tests/unit/core/stack/stack_test_support.h"

using namespace plinth;
using namespace plinth::testing;

namespace {

Stack variables_stack(const std::string& variables) {
    auto stack = load_one("stack: v\nvariables:\n" + variables);
    if (!stack) throw std::runtime_error(errors_of(stack).front());
    return std::move(*stack);
}

std::vector<std::string> summaries(const Diagnostics& diagnostics) {
    std::vector<std::string> out;
    for (const auto& diagnostic : diagnostics) out.push_back(diagnostic.location.to_string() + ": " + diagnostic.summary);
    return out;
}

}  // namespace

TEST_CASE("variables: later layers win: default < environment < var files < --var") {
    Stack stack = variables_stack(R"(  a: { default: from-default }
  b: { default: from-default }
  c: { default: from-default }
  d: { default: from-default }
  e: { default: from-default }
)");
    TempDir dir;
    auto first = dir.write("first.yaml", "c: from-first-file\nd: from-first-file\ne: from-first-file\n");
    auto second = dir.write("second.json", R"({"d": "from-second-file", "e": "from-second-file"})");
    VariableInputs inputs;
    inputs.environment = {{"b", "from-env"}, {"c", "from-env"}, {"undeclared", "ignored"}};
    inputs.var_files = {first, second};
    inputs.assignments = {"e=from-flag", "e=from-last-flag"};
    auto values = resolve_variables(stack, inputs);
    REQUIRE(values);
    CHECK(*values == ValueMap{{"a", Value("from-default")},
                              {"b", Value("from-env")},
                              {"c", Value("from-first-file")},
                              {"d", Value("from-second-file")},
                              {"e", Value("from-last-flag")}});
}

TEST_CASE("variables: raw text is read by the declared type") {
    Stack stack = variables_stack(R"(  s: { type: string }
  n: { type: number }
  b: { type: bool }
  l: { type: list(number) }
  m: { type: map }
  any_flow: {}
  any_text: {}
)");
    VariableInputs inputs;
    inputs.environment = {{"s", "[not, a, list]"}, {"n", "2.5"}};
    inputs.assignments = {"b=true", "l=[1, \"2\"]", "m={a: b, c: 1}", "any_flow=[x, 1]", "any_text=3=three"};
    auto values = resolve_variables(stack, inputs);
    REQUIRE(values);
    CHECK(values->at("s") == Value("[not, a, list]"));
    CHECK(values->at("n") == Value(2.5));
    CHECK(values->at("b") == Value(true));
    CHECK(values->at("l") == Value(ValueList{Value(1), Value(2)}));
    CHECK(values->at("m") == Value(ValueMap{{"a", Value("b")}, {"c", Value("1")}}));  // map(any): one type
    CHECK(values->at("any_flow") == Value(ValueList{Value("x"), Value(1)}));
    CHECK(values->at("any_text") == Value("3=three"));
}

TEST_CASE("variables: var files keep YAML types") {
    Stack stack = variables_stack("  ports: { type: list(number) }\n  name: { type: string }\n  flag: {}\n");
    TempDir dir;
    auto file = dir.write("vars.yaml", "ports: [80, 443]\nname: 12\nflag: true\n");
    auto values = resolve_variables(stack, VariableInputs{{}, {file}, {}, {}});
    REQUIRE(values);
    CHECK(values->at("ports") == Value(ValueList{Value(80), Value(443)}));
    CHECK(values->at("name") == Value("12"));
    CHECK(values->at("flag") == Value(true));
}

TEST_CASE("variables: conversion errors name their source") {
    Stack stack = variables_stack("  replicas: { type: number, default: 1 }\n  secret: { type: number, sensitive: true, default: 1 }\n");
    TempDir dir;
    auto file = dir.write("vars.yaml", "\nreplicas: [1]\n");
    VariableInputs inputs;
    inputs.environment = {{"replicas", "many"}};
    inputs.var_files = {file};
    inputs.assignments = {"replicas=abc", "secret=hunter2"};
    auto values = resolve_variables(stack, inputs);
    REQUIRE_FALSE(values);
    CHECK(summaries(values.error()) ==
          std::vector<std::string>{
              ": environment variable PLINTH_VAR_replicas: var.replicas: expected number, got string",
              file.string() + ":2:11: var file `" + file.string() + "`: var.replicas: expected number, got list",
              ": --var replicas=abc: var.replicas: expected number, got string",
              ": --var secret: var.secret: expected number, got string",
          });
}

TEST_CASE("variables: unknown names and malformed inputs are errors") {
    Stack stack = variables_stack("  region: { default: x }\n");
    TempDir dir;
    auto file = dir.write("vars.yaml", "regoin: y\n");
    auto not_map = dir.write("list.yaml", "- a\n");
    auto broken = dir.write("broken.yaml", "a: [\n");
    VariableInputs inputs;
    inputs.var_files = {file, not_map, broken, dir.path() / "missing.yaml"};
    inputs.assignments = {"zone=a", "region"};
    auto values = resolve_variables(stack, inputs);
    REQUIRE_FALSE(values);
    const auto& errors = values.error();
    REQUIRE(errors.size() == 6);
    CHECK(errors[0].location.to_string() == file.string() + ":1:1");
    CHECK(errors[0].summary == "var file `" + file.string() + "`: no variable `regoin` is declared");
    CHECK(errors[0].detail == "did you mean `region`?");
    CHECK(errors[1].summary == "var file `" + not_map.string() + "` must be a mapping of variable names to values");
    CHECK(errors[2].summary.starts_with("invalid YAML"));
    CHECK(errors[2].location.file == broken.string());
    CHECK(errors[3].summary == "cannot read var file `" + (dir.path() / "missing.yaml").string() + "`");
    CHECK(errors[4].summary == "--var zone: no variable `zone` is declared");
    CHECK(errors[5].summary == "--var `region` must have the form name=value");
}

TEST_CASE("variables: required variables need a value") {
    Stack stack = variables_stack("  env: { type: string }\n  size: { type: number }\n  opt: { default: null }\n");
    SECTION("without a prompt it is an error at the declaration") {
        auto values = resolve_variables(stack, {});
        REQUIRE_FALSE(values);
        CHECK(summaries(values.error()) == std::vector<std::string>{
                                               "main.yaml:3:3: No value for required variable `env`",
                                               "main.yaml:4:3: No value for required variable `size`",
                                           });
        CHECK(values.error()[0].detail == "set it with --var env=VALUE, a --var-file or PLINTH_VAR_env");
    }
    SECTION("the prompt is asked, and its answer converted") {
        std::vector<std::string> asked;
        VariableInputs inputs;
        inputs.assignments = {"env=prod"};
        inputs.prompt = [&](const VariableDecl& variable) -> std::optional<std::string> {
            asked.push_back(variable.name);
            return "7";
        };
        auto values = resolve_variables(stack, inputs);
        REQUIRE(values);
        CHECK(asked == std::vector<std::string>{"size"});
        CHECK(values->at("size") == Value(7));
        CHECK(values->at("opt").is_null());
    }
    SECTION("a prompt without an answer is no value") {
        VariableInputs inputs;
        inputs.assignments = {"size=1"};
        inputs.prompt = [](const VariableDecl&) -> std::optional<std::string> { return std::nullopt; };
        auto values = resolve_variables(stack, inputs);
        REQUIRE_FALSE(values);
        CHECK(values.error()[0].summary == "No value for required variable `env`");
    }
}

TEST_CASE("variables: resolving the available ones leaves required ones unknown, asking nobody") {
    Stack stack = variables_stack("  env: { type: string }\n  size: { type: number }\n  opt: { default: x }\n");
    VariableInputs inputs;
    inputs.environment = {{"size", "3"}};
    inputs.prompt = [](const VariableDecl&) -> std::optional<std::string> {
        FAIL("nobody is asked");
        return std::nullopt;
    };
    auto values = resolve_available_variables(stack, inputs);
    REQUIRE(values);
    CHECK(values->at("env").is_unknown());
    CHECK(values->at("size") == Value(3));
    CHECK(values->at("opt") == Value("x"));

    inputs.assignments = {"nope=1"};
    CHECK_FALSE(resolve_available_variables(stack, inputs));
}

TEST_CASE("variables: complex types from every source") {
    Stack stack = variables_stack(R"yaml(  server:
    type: "object({name = string, port = optional(number, 80)})"
  zones: { type: set(string), default: [b, a, b] }
  pair: { type: "tuple([string, number])" }
)yaml");
    TempDir dir;
    auto file = dir.write("vars.yaml", "server:\n  name: web\n  prot: 8080\n");
    SECTION("values convert, defaults of optional attributes fill in") {
        VariableInputs inputs;
        inputs.assignments = {"server={name: web}", "pair=[a, \"2\"]"};
        auto values = resolve_variables(stack, inputs);
        REQUIRE(values);
        CHECK(values->at("server") == Value(ValueMap{{"name", Value("web")}, {"port", Value(80)}}));
        CHECK(values->at("zones") == Value(ValueList{Value("a"), Value("b")}));
        CHECK(values->at("pair") == Value(ValueList{Value("a"), Value(2)}));
    }
    SECTION("an unexpected attribute is located in the var file") {
        auto values = resolve_variables(stack, VariableInputs{{}, {file}, {"pair=[a, 1]"}, {}});
        REQUIRE_FALSE(values);
        CHECK(summaries(values.error()) ==
              std::vector<std::string>{file.string() + ":2:3: var file `" + file.string() +
                                       "`: var.server: unexpected attribute \"prot\"; did you mean `port`?"});
    }
}

TEST_CASE("variables: nullable") {
    Stack stack = variables_stack(R"yaml(  with_default: { type: string, default: x, nullable: false }
  without_default: { type: string, nullable: false }
  may_be_null: { type: string, default: x }
)yaml");
    TempDir dir;
    SECTION("null falls back to the default, or is an error naming the variable") {
        auto file = dir.write("vars.yaml", "with_default: null\nwithout_default: ~\nmay_be_null: null\n");
        auto values = resolve_variables(stack, VariableInputs{{}, {file}, {}, {}});
        REQUIRE_FALSE(values);
        CHECK(summaries(values.error()) == std::vector<std::string>{file.string() + ":2:18: var file `" +
                                                                    file.string() +
                                                                    "`: variable `without_default` cannot be null"});
        CHECK(values.error()[0].detail == "it is declared with `nullable: false` and has no default");
    }
    SECTION("a nullable variable takes the null") {
        auto file = dir.write("vars.yaml", "with_default: null\nwithout_default: y\nmay_be_null: null\n");
        auto values = resolve_variables(stack, VariableInputs{{}, {file}, {}, {}});
        REQUIRE(values);
        CHECK(values->at("with_default") == Value("x"));
        CHECK(values->at("without_default") == Value("y"));
        CHECK(values->at("may_be_null").is_null());
    }
}

TEST_CASE("variables: validations check the resolved value") {
    Stack stack = variables_stack(R"yaml(  port:
    type: number
    default: 80
    validation:
      - condition: "${var.port > 0 && var.port < 65536}"
        message: "port must be between 1 and 65535, got ${var.port}"
      - condition: ${var.port != 22}
        message: not the ssh port
  name:
    default: web
    validation: { condition: "${can(regex(\"^[a-z]+$\", var.name))}", message: lower-case letters only }
  secret:
    sensitive: true
    default: long enough
    validation: { condition: "${length(var.secret) > 3}", message: "too short: ${var.secret}" }
)yaml");
    SECTION("defaults that pass") {
        auto values = resolve_variables(stack, {});
        REQUIRE(values);
        CHECK(values->at("port") == Value(80));
    }
    SECTION("each failing condition is an error at the condition, with its message") {
        VariableInputs inputs;
        inputs.assignments = {"port=70000", "name=Web", "secret=ab"};
        auto values = resolve_variables(stack, inputs);
        REQUIRE_FALSE(values);
        CHECK(summaries(values.error()) == std::vector<std::string>{
                                               "main.yaml:13:30: Invalid value for variable `name`",
                                               "main.yaml:7:20: Invalid value for variable `port`",
                                               "main.yaml:17:30: Invalid value for variable `secret`",
                                           });
        CHECK(values.error()[0].detail == "lower-case letters only");
        CHECK(values.error()[1].detail == "port must be between 1 and 65535, got 70000");
        CHECK(values.error()[2].detail == "The error message included a sensitive value, so it is not shown.");
    }
    SECTION("several conditions of one variable") {
        VariableInputs inputs;
        inputs.assignments = {"port=22"};
        auto values = resolve_variables(stack, inputs);
        REQUIRE_FALSE(values);
        REQUIRE(values.error().size() == 1);
        CHECK(values.error()[0].location.to_string() == "main.yaml:9:20");
        CHECK(values.error()[0].detail == "not the ssh port");
    }
}

TEST_CASE("variables: validate_variable") {
    Stack stack = variables_stack(R"yaml(  size:
    validation: { condition: "${var.size}", message: "size ${var.size}" }
)yaml");
    const VariableDecl& size = stack.variables.at("size");
    SECTION("unknown values skip validation") { CHECK(validate_variable(size, Value::unknown(), ".").empty()); }
    SECTION("a true condition passes, also as the string \"true\"") {
        CHECK(validate_variable(size, Value(true), ".").empty());
        CHECK(validate_variable(size, Value("true"), ".").empty());
    }
    SECTION("a condition that gives no bool is an error at the condition") {
        auto errors = validate_variable(size, Value(3), ".");
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].location.to_string() == "main.yaml:4:30");
        CHECK(errors[0].summary == "the condition of a validation of variable `size` must be a bool, not number");
    }
    SECTION("a condition that fails to evaluate is that error") {
        Stack failing = variables_stack(R"yaml(  size:
    validation: { condition: "${var.size.x}", message: m }
)yaml");
        auto errors = validate_variable(failing.variables.at("size"), Value(3), ".");
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].summary == "unsupported attribute \"x\"");
        CHECK(errors[0].location.to_string() == "main.yaml:4:42");
    }
}

TEST_CASE("variables: sensitive variables give sensitive values") {
    Stack stack = variables_stack("  password: { type: string, sensitive: true }\n  user: { default: admin }\n");
    auto values = resolve_variables(stack, VariableInputs{{{"password", "hunter2"}}, {}, {}, {}});
    REQUIRE(values);
    CHECK(values->at("password") == Value("hunter2"));
    CHECK(values->at("password").is_sensitive());
    CHECK_FALSE(values->at("user").is_sensitive());
}

TEST_CASE("variables: PLINTH_VAR_ entries of the environment") {
    std::string entries[] = {"PATH=/bin", "PLINTH_VAR_region=eu-west-1", "PLINTH_VAR_list=[a, b]", "PLINTH_VAR_=x",
                             "PLINTH_VAR_eq=a=b", "PLINTH_VARX=y"};
    std::vector<char*> block;
    for (auto& entry : entries) block.push_back(entry.data());
    block.push_back(nullptr);
    auto variables = variables_from_environment(block.data());
    CHECK(variables == std::map<std::string, std::string>{{"region", "eu-west-1"}, {"list", "[a, b]"}, {"eq", "a=b"}});
    CHECK(variables_from_environment(nullptr).empty());
}
