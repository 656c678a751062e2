#include <catch2/catch.hpp>

#include "core/stack/yaml_source.h"
#include "tests/unit/core/stack/stack_test_support.h"

using namespace plinth;
using namespace plinth::testing;

TEST_CASE("yaml_source: plain scalars follow the YAML 1.2 core schema") {
    auto stack = load_one(R"(stack: d
locals:
  t1: true
  t2: False
  f: FALSE
  n1: null
  n2: ~
  n3:
  i: 42
  neg: -7
  plus: +3
  fl: 1.5
  dot: .5
  exp: 1e3
  hex: 0x1F
  oct: 0o17
  word: yes
  version: 1.2.3
  inf: .inf
  qs: "true"
  qn: '42'
  tagged: !!str 12
)");
    REQUIRE(stack);
    auto local = [&](const char* name) { return evaluate_with(stack->locals.at(name).value); };
    CHECK(local("t1") == Value(true));
    CHECK(local("t2") == Value(false));
    CHECK(local("f") == Value(false));
    CHECK(local("n1").is_null());
    CHECK(local("n2").is_null());
    CHECK(local("n3").is_null());
    CHECK(local("i") == Value(42));
    CHECK(local("neg") == Value(-7));
    CHECK(local("plus") == Value(3));
    CHECK(local("fl") == Value(1.5));
    CHECK(local("dot") == Value(0.5));
    CHECK(local("exp") == Value(1000));
    CHECK(local("hex") == Value(31));
    CHECK(local("oct") == Value(15));
    CHECK(local("word") == Value("yes"));
    CHECK(local("version") == Value("1.2.3"));
    CHECK(local("inf") == Value(".inf"));
    CHECK(local("qs") == Value("true"));
    CHECK(local("qn") == Value("42"));
    CHECK(local("tagged") == Value("12"));
}

TEST_CASE("yaml_source: other tags are refused") {
    auto error = only_error(load_one("stack: d\nlocals:\n  a: !!int 3\n"));
    CHECK(error.location.to_string() == "main.yaml:3:6");
    CHECK(error.summary == "unsupported YAML tag `tag:yaml.org,2002:int`");
}

TEST_CASE("yaml_source: templates are located inside plain, quoted and block scalars") {
    auto stack = load_one(R"(stack: d
locals:
  a: ${var.nope}
  b: "x ${var.nope}"
  c: 'y ${var.nope}'
  d: |
    ${var.nope} first
  e: >-
    ${var.nope}
)");
    CHECK(errors_of(stack) == std::vector<std::string>{
                                  "main.yaml:3:8: reference to undeclared variable `nope`",
                                  "main.yaml:4:11: reference to undeclared variable `nope`",
                                  "main.yaml:5:11: reference to undeclared variable `nope`",
                                  "main.yaml:7:7: reference to undeclared variable `nope`",
                                  "main.yaml:9:7: reference to undeclared variable `nope`",
                              });
}

TEST_CASE("yaml_source: template syntax errors come from the expression parser, located") {
    auto stack = load_one("stack: d\nlocals:\n  a: \"${1 +}\"\n");
    REQUIRE_FALSE(stack);
    CHECK(stack.error()[0].location.file == "main.yaml");
    CHECK(stack.error()[0].location.line == 3);
    CHECK(stack.error()[0].location.column >= 7);
}

TEST_CASE("yaml_source: yaml_to_value keeps YAML types") {
    YamlFile file{"v.yaml", "a: [1, two, true]\nb: {c: ~}\n"};
    Diagnostics diagnostics;
    auto node = parse_yaml(file, diagnostics);
    REQUIRE(node);
    auto value = yaml_to_value(node->root(), file, diagnostics);
    REQUIRE(value);
    CHECK(*value == Value(ValueMap{{"a", Value(ValueList{Value(1), Value("two"), Value(true)})},
                                   {"b", Value(ValueMap{{"c", Value(nullptr)}})}}));
    CHECK(diagnostics.empty());
}

TEST_CASE("yaml_source: empty documents and non-scalar keys") {
    Diagnostics diagnostics;
    CHECK_FALSE(parse_yaml(YamlFile{"e.yaml", "# only a comment\n"}, diagnostics));
    CHECK(diagnostics.empty());
    YamlFile file{"k.yaml", "? [a]\n: 1\nb: 2\n"};
    auto node = parse_yaml(file, diagnostics);
    REQUIRE(node);
    auto entries = mapping_entries(node->root(), file, diagnostics);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].key == "b");
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].location.to_string() == "k.yaml:1:3");
}
