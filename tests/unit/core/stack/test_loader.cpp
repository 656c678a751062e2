#include <catch2/catch.hpp>

#include "tests/unit/core/stack/stack_test_support.h"

using namespace plinth;
using namespace plinth::testing;

TEST_CASE("loader: a minimal stack") {
    auto stack = load_one(R"(stack: demo
description: A demo
resources:
  web:
    type: local_file
    properties:
      path: out.txt
)");
    REQUIRE(stack);
    CHECK(stack->name == "demo");
    CHECK(stack->description == "A demo");
    CHECK(stack->dir.is_absolute());
    REQUIRE(stack->files.size() == 1);
    CHECK(stack->files[0] == stack->dir / "main.yaml");
    CHECK(stack->fingerprint.size() == 64);
    const ResourceDecl& web = stack->resources.at("web");
    CHECK(web.type == "local_file");
    CHECK(web.provider == "local");
    CHECK(web.location.to_string() == "main.yaml:4:3");
    CHECK(evaluate_with(web.properties) == Value(ValueMap{{"path", Value("out.txt")}}));
}

TEST_CASE("loader: files are merged in name order") {
    auto stack = load_files({{"b.yaml", R"(resources:
  site:
    type: null_resource
    properties: { name: "${var.env}" }
)"},
                             {"a.yaml", R"(stack: demo
variables:
  env: { type: string, default: dev }
)"}});
    REQUIRE(stack);
    REQUIRE(stack->files.size() == 2);
    CHECK(stack->files[0].filename() == "a.yaml");
    CHECK(stack->files[1].filename() == "b.yaml");
    CHECK(stack->variables.at("env").location.to_string() == "a.yaml:3:3");
    CHECK(stack->resources.at("site").location.to_string() == "b.yaml:2:3");
    auto properties = evaluate_with(stack->resources.at("site").properties, {{"env", Value("dev")}});
    CHECK(properties == Value(ValueMap{{"name", Value("dev")}}));
}

TEST_CASE("loader: locations carry the stack directory") {
    auto stack = load_stack_from_files("stacks/web", {{"main.yaml", "stack: s\nbogus: 1\n"}});
    CHECK(errors_of(stack) == std::vector<std::string>{"stacks/web/main.yaml:2:1: unknown top-level key `bogus`"});
}

TEST_CASE("loader: a name declared in two files names both places") {
    auto stack = load_files({{"a.yaml", "stack: demo\nresources:\n  web:\n    type: null_resource\n"},
                             {"b.yaml", "resources:\n  web:\n    type: null_resource\n"}});
    auto error = only_error(stack);
    CHECK(error.location.to_string() == "b.yaml:2:3");
    CHECK(error.summary == "resource `web` is declared twice");
    CHECK(error.detail == "first declared at a.yaml:3:3");
}

TEST_CASE("loader: a name declared twice in one mapping is found too") {
    auto stack = load_one("stack: demo\nvariables:\n  env: {}\n  env: { type: string }\n");
    auto error = only_error(stack);
    CHECK(error.location.to_string() == "main.yaml:4:3");
    CHECK(error.summary == "variable `env` is declared twice");
    CHECK(error.detail == "first declared at main.yaml:3:3");
}

TEST_CASE("loader: duplicate keys inside properties and at the top level") {
    auto stack = load_one(R"(stack: d
resources:
  f:
    type: local_file
    properties:
      path: a
      path: b
outputs: {}
outputs: {}
)");
    CHECK(errors_of(stack) == std::vector<std::string>{"main.yaml:9:1: duplicate key `outputs`",
                                                       "main.yaml:7:7: duplicate key `path`"});
    CHECK(stack.error()[1].detail == "first given at main.yaml:6:7");
}

TEST_CASE("loader: unknown top-level keys list the valid ones") {
    auto stack = load_one("stack: demo\nprovider:\n  aws: {}\n");
    auto error = only_error(stack);
    CHECK(error.location.to_string() == "main.yaml:2:1");
    CHECK(error.summary == "unknown top-level key `provider`");
    CHECK(error.detail == "valid top-level keys: stack, description, requires, backend, providers, providers_dir, "
                          "encryption, variables, locals, data, resources, modules, outputs, moved, removed, import, "
                          "policies");
}

TEST_CASE("loader: the stack name is required exactly once") {
    SECTION("missing") {
        auto error = only_error(load_one("description: nameless\n"));
        CHECK(error.summary == "the stack has no name");
    }
    SECTION("twice") {
        auto error = only_error(load_files({{"a.yaml", "stack: one\n"}, {"b.yaml", "\nstack: two\n"}}));
        CHECK(error.location.to_string() == "b.yaml:2:1");
        CHECK(error.summary == "`stack` is given twice");
        CHECK(error.detail == "first given at a.yaml:1:1");
    }
    SECTION("not a string") {
        CHECK(errors_of(load_one("stack: [a]\n")) ==
              std::vector<std::string>{"main.yaml:1:8: `stack` must be a non-empty string, not a list"});
    }
}

TEST_CASE("loader: YAML syntax errors are located") {
    auto error = only_error(load_one("stack: demo\nresources: [a\n"));
    CHECK(error.summary.starts_with("invalid YAML: "));
    CHECK(error.location.file == "main.yaml");
    CHECK(error.location.line == 3);
    auto bad_map = only_error(load_one("stack: demo\nlocals:\n  a: b: c\n"));
    CHECK(bad_map.location.to_string() == "main.yaml:3:7");
    CHECK(bad_map.summary == "invalid YAML: mapping values are not allowed in this context");
}

TEST_CASE("loader: a stray comma is invalid YAML, not an endless loop (found by fuzzing)") {
    auto error = only_error(load_one("\"x\"\n,\n"));
    CHECK(error.summary == "invalid YAML: did not find expected <document start>");
    CHECK(error.location.to_string() == "main.yaml:2:1");
}

TEST_CASE("loader: a file must be one mapping") {
    CHECK(errors_of(load_one("- a\n- b\n")) ==
          std::vector<std::string>{"main.yaml:1:1: a stack file must be a mapping of top-level keys, not a list"});
    auto error = only_error(load_one("stack: a\n---\nstack: b\n"));
    CHECK(error.location.to_string() == "main.yaml:3:1");
    CHECK(error.summary == "a stack file holds one YAML document, this one has several");
}

TEST_CASE("loader: sections must be mappings; empty ones are fine") {
    CHECK(errors_of(load_one("stack: d\nresources: [a]\n")) ==
          std::vector<std::string>{"main.yaml:2:12: `resources` must be a mapping of names to resources, not a list"});
    auto stack = load_files({{"a.yaml", "stack: d\nresources:\nlocals: {}\n"}, {"b.yaml", ""}});
    REQUIRE(stack);
    CHECK(stack->resources.empty());
}

TEST_CASE("loader: JSON is YAML") {
    auto stack = load_files({{"stack.yaml", R"({"stack": "j",
 "resources": {"r": {"type": "null_resource", "properties": {"n": 1, "s": "x", "t": true}}}})"}});
    REQUIRE(stack);
    CHECK(stack->resources.at("r").location.to_string() == "stack.yaml:2:16");
    CHECK(evaluate_with(stack->resources.at("r").properties) ==
          Value(ValueMap{{"n", Value(1)}, {"s", Value("x")}, {"t", Value(true)}}));
}

TEST_CASE("loader: no files is an error") {
    CHECK(only_error(load_files({})).summary == "no stack files (*.yaml, *.yml) in ``");
}

TEST_CASE("loader: load_stack reads the *.yaml and *.yml files of a directory") {
    TempDir dir;
    dir.write("main.yaml", "stack: disk\nresources:\n  a:\n    type: null_resource\n");
    dir.write("more.yml", "resources:\n  b:\n    type: null_resource\n    depends_on: [a]\n");
    dir.write("notes.txt", "not: [yaml");
    dir.write("sub/ignored.yaml", "bogus: 1\n");
    auto stack = load_stack(dir.path());
    REQUIRE(stack);
    CHECK(stack->name == "disk");
    CHECK(stack->dir == dir.path());
    CHECK(stack->files == std::vector<std::filesystem::path>{dir.path() / "main.yaml", dir.path() / "more.yml"});
    CHECK(stack->resources.size() == 2);
    CHECK(stack->resources.at("b").depends_on[0].location.to_string() == (dir.path() / "more.yml").string() + ":4:18");
}

TEST_CASE("loader: load_stack errors carry the file path") {
    TempDir dir;
    dir.write("main.yaml", "stack: disk\nextra: 1\n");
    auto error = only_error(load_stack(dir.path()));
    CHECK(error.location.to_string() == (dir.path() / "main.yaml").string() + ":2:1");
}

TEST_CASE("loader: load_stack needs a directory with stack files") {
    TempDir dir;
    CHECK(only_error(load_stack(dir.path() / "missing")).summary.ends_with("does not exist"));
    CHECK(only_error(load_stack(dir.path())).summary.starts_with("no stack files"));
}

TEST_CASE("loader: every error of every file is reported at once") {
    auto stack = load_files({{"a.yaml", "stack: s\nbackends: {}\n"},
                             {"b.yaml", "resources:\n  r:\n    type: x\n    counts: 1\n  q: {}\n"}});
    CHECK(errors_of(stack) == std::vector<std::string>{"a.yaml:2:1: unknown top-level key `backends`",
                                                       "b.yaml:4:5: unknown key `counts` in resource `r`",
                                                       "b.yaml:5:3: resource `q` has no `type`"});
}
