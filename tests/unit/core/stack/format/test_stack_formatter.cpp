#include <catch2/catch.hpp>

#include "core/stack/format/stack_formatter.h"

using namespace plinth;
using plinth::format::format_stack_file;

namespace {

std::string formatted(const std::string& text) {
    auto result = format_stack_file(YamlFile{"stack.yaml", text});
    if (!result) FAIL(format_diagnostic(result.error()[0]));
    CHECK(format_stack_file(YamlFile{"stack.yaml", result->text})->text == result->text);  // idempotent
    return result->text;
}

}  // namespace

TEST_CASE("stack_formatter: resource fields in canonical order, other keys after them as they came") {
    CHECK(formatted("resources:\n"
                    "  web:\n"
                    "    lifecycle: { prevent_destroy: true }\n"
                    "    notes: kept last\n"
                    "    properties:\n"
                    "      filename: a.txt\n"
                    "    depends_on: [db]\n"
                    "    for_each: ${var.names}\n"
                    "    provider: local.other\n"
                    "    type: local_file\n") ==
          "resources:\n"
          "  web:\n"
          "    type: local_file\n"
          "    provider: local.other\n"
          "    for_each: ${var.names}\n"
          "    depends_on: [db]\n"
          "    properties:\n"
          "      filename: a.txt\n"
          "    lifecycle: { prevent_destroy: true }\n"
          "    notes: kept last\n");
}

TEST_CASE("stack_formatter: sections, variables, outputs, module calls and data sources in canonical order") {
    CHECK(formatted("outputs:\n"
                    "  o:\n"
                    "    sensitive: true\n"
                    "    value: ${var.v}\n"
                    "modules:\n"
                    "  m:\n"
                    "    inputs: { a: 1 }\n"
                    "    count: 2\n"
                    "    source: ./m\n"
                    "data:\n"
                    "  d:\n"
                    "    properties: { filename: x }\n"
                    "    type: local_file\n"
                    "variables:\n"
                    "  v:\n"
                    "    description: the v\n"
                    "    default: 1\n"
                    "    type: number\n"
                    "stack: s\n") ==
          "stack: s\n"
          "variables:\n"
          "  v:\n"
          "    type: number\n"
          "    default: 1\n"
          "    description: the v\n"
          "data:\n"
          "  d:\n"
          "    type: local_file\n"
          "    properties: { filename: x }\n"
          "modules:\n"
          "  m:\n"
          "    source: ./m\n"
          "    count: 2\n"
          "    inputs: { a: 1 }\n"
          "outputs:\n"
          "  o:\n"
          "    value: ${var.v}\n"
          "    sensitive: true\n");
}

TEST_CASE("stack_formatter: the user's own order of resources, properties and locals is kept") {
    std::string text =
        "locals:\n  z: 1\n  a: 2\nresources:\n  zeta:\n    type: null_resource\n"
        "  alpha:\n    type: null_resource\n    properties:\n      triggers: { b: 1, a: 2 }\n";
    CHECK(formatted(text) == text);
}

TEST_CASE("stack_formatter: comments above an entry move with it; trailing and closing comments stay") {
    CHECK(formatted("# The file's header stays on top.\n"
                    "resources:\n"
                    "  web:\n"
                    "    # what it writes\n"
                    "    properties:\n"
                    "      filename: a.txt   # relative to the stack\n"
                    "      # the end of the properties\n"
                    "    # about the type\n"
                    "    type: local_file  # a file\n"
                    "    # the end of web\n"
                    "stack: s\n") ==
          "# The file's header stays on top.\n"
          "stack: s\n"
          "resources:\n"
          "  web:\n"
          "    # about the type\n"
          "    type: local_file  # a file\n"
          "    # what it writes\n"
          "    properties:\n"
          "      filename: a.txt   # relative to the stack\n"
          "      # the end of the properties\n"
          "    # the end of web\n");
}

TEST_CASE("stack_formatter: a comment set apart by a blank line stays in its place") {
    CHECK(formatted("resources:\n"
                    "  web:\n"
                    "    properties: {}\n"
                    "\n"
                    "    # a note on its own\n"
                    "\n"
                    "    type: local_file\n") ==
          "resources:\n"
          "  web:\n"
          "    type: local_file\n"
          "\n"
          "    # a note on its own\n"
          "\n"
          "    properties: {}\n");
}

TEST_CASE("stack_formatter: two spaces per level, sequences indented under their key") {
    CHECK(formatted("variables:\n"
                    "    port:\n"
                    "          type: number\n"
                    "          validation:\n"
                    "          - condition: ${var.port > 0}\n"
                    "            message: positive\n"
                    "          -   condition: ${var.port != 22}\n"
                    "              message: not ssh\n"
                    "moved:\n"
                    "-   from: a\n"
                    "    to: b\n"
                    "-\n"
                    "  from: c\n"
                    "  to: d\n") ==
          "variables:\n"
          "  port:\n"
          "    type: number\n"
          "    validation:\n"
          "      - condition: ${var.port > 0}\n"
          "        message: positive\n"
          "      - condition: ${var.port != 22}\n"
          "        message: not ssh\n"
          "moved:\n"
          "  - from: a\n"
          "    to: b\n"
          "  - from: c\n"
          "    to: d\n");
}

TEST_CASE("stack_formatter: a comment below a bare dash stays below it; one beside it stays beside it") {
    CHECK(formatted("locals:\n  l:\n  -\n      # lead\n      f: 3\n  - # beside\n    g: 4\n") ==
          "locals:\n  l:\n    -\n      # lead\n      f: 3\n    - # beside\n      g: 4\n");
}

TEST_CASE("stack_formatter: nested sequences and scalar items") {
    CHECK(formatted("locals:\n  grid:\n  - - 1\n    - 2\n  -   - 3\n  -    plain\n  - [flow, list]\n  -\n") ==
          "locals:\n  grid:\n    - - 1\n      - 2\n    - - 3\n    - plain\n    - [flow, list]\n    -\n");
}

TEST_CASE("stack_formatter: block scalars keep their text exactly, two columns in from their key") {
    CHECK(formatted("resources:\n"
                    "    f:\n"
                    "        properties:\n"
                    "            content: |\n"
                    "                line one   \n"
                    "                  indented\n"
                    "\n"
                    "\n"
                    "                # not a comment\n"
                    "            other: >-\n"
                    "                folded\n"
                    "                text\n"
                    "        type: local_file\n") ==
          "resources:\n"
          "  f:\n"
          "    type: local_file\n"
          "    properties:\n"
          "      content: |\n"
          "        line one   \n"
          "          indented\n"
          "\n"
          "\n"
          "        # not a comment\n"
          "      other: >-\n"
          "        folded\n"
          "        text\n");
}

TEST_CASE("stack_formatter: block scalars in sequence items, kept lines and indentation indicators") {
    std::string text =
        "locals:\n  scripts:\n    - |\n      echo one\n    - name: two\n      run: |+\n        echo two\n\n"
        "  after: 1\n";
    CHECK(formatted(text) == text);
    CHECK(formatted("locals:\n    m:\n      t: |+\n        kept\n\n\n    b: 1\n\n\n    c: >+\n      at the end\n\n") ==
          "locals:\n  m:\n    t: |+\n      kept\n\n\n  b: 1\n\n  c: >+\n    at the end\n\n");
    CHECK(formatted("locals:\n    items:\n    -   >\n            folded\n    text: |2\n            four more\n") ==
          "locals:\n  items:\n    - >\n      folded\n  text: |2\n          four more\n");
}

TEST_CASE("stack_formatter: blank lines: one at most, none at the start, exactly one final newline") {
    CHECK(formatted("\n\n# header\n\n\n\nstack: s   \n\n\n\nlocals:\n\n  a: 1\n\n\n  b: 2\n# end\n\n\n") ==
          "# header\n\nstack: s\n\nlocals:\n  a: 1\n\n  b: 2\n# end\n");
    CHECK(formatted("stack: s") == "stack: s\n");
    CHECK(formatted("") == "");
    CHECK(formatted("\n\n  \n") == "");
    CHECK(formatted("# only a comment\n\n") == "# only a comment\n");
}

TEST_CASE("stack_formatter: `key:  value` becomes `key: value`; scalars and flow collections stay as written") {
    CHECK(formatted("locals:\n"
                    "  a:    'single'\n"
                    "  b:\t\"double\"\n"
                    "  c:   {x:   1,   y: [1,2]}\n"
                    "  d:   # a comment keeps its distance\n"
                    "    e: 1\n"
                    "  \"quoted key\":   2\n"
                    "  f: a   long    plain\n"
                    "     continued\n") ==
          "locals:\n"
          "  a: 'single'\n"
          "  b: \"double\"\n"
          "  c: {x:   1,   y: [1,2]}\n"
          "  d:   # a comment keeps its distance\n"
          "    e: 1\n"
          "  \"quoted key\": 2\n"
          "  f: a   long    plain\n"
          "     continued\n");
}

TEST_CASE("stack_formatter: line endings and trailing whitespace") {
    CHECK(formatted("stack: s\r\nlocals:\r\n  a: 1  \t\r\n") == "stack: s\nlocals:\n  a: 1\n");
    // `\ ` at the end of a line of a double-quoted scalar is an escaped space: kept.
    std::string escaped = "locals:\n  a: \"one \\ \n    two\"\n";
    CHECK(formatted(escaped) == escaped);
}

TEST_CASE("stack_formatter: anchors and aliases") {
    CHECK(formatted("locals:\n  base: &base\n      a: 1\n  copy: *base\n") ==
          "locals:\n  base: &base\n    a: 1\n  copy: *base\n");
    // Ordering would put the alias before its anchor: the fields keep their order.
    CHECK(formatted("resources:\n  r:\n    lifecycle: &l {}\n    type: null_resource\n    properties:  *l\n") ==
          "resources:\n  r:\n    lifecycle: &l {}\n    type: null_resource\n    properties: *l\n");
}

TEST_CASE("stack_formatter: a YAML file that is not a stack keeps its order, and is laid out") {
    auto result =
        format_stack_file(YamlFile{"ci.yml", "jobs:\n    plan:\n        steps:\n        - run: x\nname: ci\n"});
    REQUIRE(result);
    CHECK_FALSE(result->stack_file);
    CHECK(result->text == "jobs:\n  plan:\n    steps:\n      - run: x\nname: ci\n");
    auto stack = format_stack_file(YamlFile{"stack.yaml", "stack: s\n"});
    REQUIRE(stack);
    CHECK(stack->stack_file);
}

TEST_CASE("stack_formatter: several documents, JSON and document markers") {
    auto several = format_stack_file(YamlFile{"k8s.yaml", "a: 1\n---\nb:    2\n"});
    REQUIRE(several);
    CHECK_FALSE(several->stack_file);
    CHECK(several->text == "a: 1\n---\nb:    2\n");
    CHECK(formatted("{\"stack\": \"s\",  \n \"locals\": {\"a\": 1}}\n") ==
          "{\"stack\": \"s\",\n \"locals\": {\"a\": 1}}\n");
    CHECK(formatted("%YAML 1.2\n---\nlocals:\n    a: 1\n") == "%YAML 1.2\n---\nlocals:\n  a: 1\n");
}

TEST_CASE("stack_formatter: invalid YAML is an error at its line and column") {
    auto result = format_stack_file(YamlFile{"bad.yaml", "stack: s\nlocals:\n  a: [1, 2\n"});
    REQUIRE_FALSE(result);
    REQUIRE(result.error().size() == 1);
    CHECK(result.error()[0].summary.starts_with("invalid YAML"));
    CHECK(result.error()[0].location.file == "bad.yaml");
    CHECK(result.error()[0].location.line >= 3);
    CHECK(result.error()[0].location.column >= 1);
}
