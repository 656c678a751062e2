#include <catch2/catch.hpp>

#include "tests/unit/core/stack/stack_test_support.h"

using namespace plinth;
using namespace plinth::testing;

using Errors = std::vector<std::string>;

TEST_CASE("reference_check: declared names pass") {
    auto stack = load_one(R"(stack: d
variables:
  env: {}
locals:
  prefix: app-${var.env}
  where: ${path.stack}
resources:
  site:
    type: null_resource
    properties:
      name: ${local.prefix}
  page:
    type: local_file
    properties:
      tags: { owner: "${site.id}" }
outputs:
  id: { value: "${page.id} ${local.where}" }
)");
    CHECK(errors_of(stack).empty());
}

TEST_CASE("reference_check: every bad reference is reported, with suggestions") {
    auto stack = load_one(R"(stack: d
variables:
  region: {}
locals:
  prefix: ${var.regoin}
  other: ${local.prefx}
resources:
  website:
    type: null_resource
    properties:
      a: ${webiste.id}
      b: ${nothing.id}
    depends_on: [websit, ghost]
outputs:
  o: { value: "${path.cwd}" }
)");
    CHECK(errors_of(stack) == Errors{
                                  "main.yaml:6:12: reference to undeclared local `prefx`",
                                  "main.yaml:5:13: reference to undeclared variable `regoin`",
                                  "main.yaml:11:12: reference to undeclared resource `webiste`",
                                  "main.yaml:12:12: reference to undeclared resource `nothing`",
                                  "main.yaml:13:18: `depends_on` of resource `website` names undeclared resource `websit`",
                                  "main.yaml:13:26: `depends_on` of resource `website` names undeclared resource `ghost`",
                                  "main.yaml:15:18: unknown `path.cwd`",
                              });
    const auto& errors = stack.error();
    CHECK(errors[0].detail == "did you mean `prefix`?");
    CHECK(errors[1].detail == "did you mean `region`?");
    CHECK(errors[2].detail == "did you mean `website`?");
    CHECK(errors[3].detail.empty());
    CHECK(errors[4].detail == "did you mean `website`?");
    CHECK(errors[6].detail == "`path.stack` (or `path.module`) is this stack's directory, `path.root` the root stack's");
}

TEST_CASE("reference_check: count and each need count and for_each") {
    auto stack = load_one(R"(stack: d
resources:
  r:
    type: null_resource
    properties: { a: "${count.index}", b: "${each.value}" }
)");
    CHECK(errors_of(stack) == Errors{
                                  "main.yaml:5:25: `count.index` can only be used in a block with count",
                                  "main.yaml:5:46: `each.value` can only be used in a block with for_each",
                              });
}

TEST_CASE("reference_check: bare roots") {
    auto stack = load_one("stack: d\nlocals:\n  a: ${var}\n");
    auto error = only_error(stack);
    CHECK(error.summary == "`var` must be followed by a variable name, e.g. `var.name`");
}
