#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "plans/render_text.h"

using namespace plinth;
using namespace plinth::plans;

namespace {
ResourceChange change(std::string address, std::string type, Action action, Value before, Value after) {
    ResourceChange c;
    c.address = std::move(address);
    c.type = std::move(type);
    c.provider = "local";
    c.action = action;
    c.before = std::move(before);
    c.after = std::move(after);
    return c;
}

Plan plan_of(ResourceChanges changes, std::vector<OutputChange> outputs = {}) {
    Plan plan;
    plan.changes = std::move(changes);
    plan.output_changes = std::move(outputs);
    return plan;
}

Value sensitive(Value value) { return value.mark_sensitive(); }
}  // namespace

TEST_CASE("render_text: a create lists every attribute, aligned, with unknowns") {
    auto plan = plan_of({change("hello", "local_file", Action::Create, Value(),
                                ValueMap{{"content", "hi"},
                                         {"filename", "out/hello.txt"},
                                         {"id", Value::unknown()},
                                         {"file_permission", Value()}})});
    CHECK(render_plan(plan, {}) == R"(plinth will perform the following actions:

  # hello will be created
  + resource "local_file" "hello" {
      + content  = "hi"
      + filename = "out/hello.txt"
      + id       = (known after apply)
    }

Plan: 1 to add, 0 to change, 0 to destroy.
)");
}

TEST_CASE("render_text: a replace marks the attribute that forces it and hides unchanged ones") {
    auto web = change("web", "local_file", Action::DeleteThenCreate,
                      ValueMap{{"content", "a"}, {"filename", "x"}, {"id", "86f7e4"}, {"mode", "0777"}},
                      ValueMap{{"content", "b"}, {"filename", "x"}, {"id", Value::unknown()}, {"mode", "0777"}});
    web.replace_paths = {"content"};
    CHECK(render_plan(plan_of({web}), {}) == R"(plinth will perform the following actions:

  # web must be replaced
-/+ resource "local_file" "web" {
      ~ content  = "a" -> "b" # forces replacement
      ~ id       = "86f7e4" -> (known after apply)
        # (2 unchanged attributes hidden)
    }

Plan: 1 to add, 0 to change, 1 to destroy.
)");
}

TEST_CASE("render_text: create-before-destroy and tainted replacements") {
    auto tainted = change("t", "null_resource", Action::CreateThenDelete, ValueMap{{"id", "123"}},
                          ValueMap{{"id", Value::unknown()}});
    tainted.reason = ChangeReason::Tainted;
    tainted.create_before_destroy = true;
    CHECK(render_plan(plan_of({tainted}), {}) == R"(plinth will perform the following actions:

  # t is tainted, so must be replaced
+/- resource "null_resource" "t" {
      ~ id = "123" -> (known after apply)
    }

Plan: 1 to add, 0 to change, 1 to destroy.
)");
}

TEST_CASE("render_text: an update diffs maps, lists and heredocs member by member") {
    auto cfg = change(
        "cfg", "local_file", Action::Update,
        ValueMap{{"tags", ValueMap{{"a", "1"}, {"b", "2"}, {"c", "3"}}},
                 {"list", ValueList{"a", "b", "c", "d"}},
                 {"rules", ValueList{ValueMap{{"port", 80}, {"proto", "tcp"}}}},
                 {"text", "l1\nl2\nl3\nl4\nl5\n"},
                 {"gone", "x"}},
        ValueMap{{"tags", ValueMap{{"a", "1"}, {"b", "22"}, {"d", "4"}}},
                 {"list", ValueList{"a", "c", "d", "e"}},
                 {"rules", ValueList{ValueMap{{"port", 81}, {"proto", "tcp"}}}},
                 {"text", "l1\nl2\nl3\nl4b\nl5\n"},
                 {"new", "y"}});
    CHECK(render_plan(plan_of({cfg}), {}) == R"(plinth will perform the following actions:

  # cfg will be updated in-place
  ~ resource "local_file" "cfg" {
      - gone  = "x" -> null
      ~ list  = [
            # (1 unchanged element hidden)
          - "b",
            # (2 unchanged elements hidden)
          + "e",
        ]
      + new   = "y"
      ~ rules = [
          ~ {
              ~ "port"  = 80 -> 81
                # (1 unchanged element hidden)
            },
        ]
      ~ tags  = {
          ~ "b" = "2" -> "22"
          - "c" = "3" -> null
          + "d" = "4"
            # (1 unchanged element hidden)
        }
      ~ text  = <<-EOT
            # (2 unchanged lines hidden)
            l3
          - l4
          + l4b
            l5
        EOT
    }

Plan: 0 to add, 1 to change, 0 to destroy.
)");
}

TEST_CASE("render_text: nested maps, lists, heredocs and sensitive values in a create") {
    auto plan = plan_of({change("n", "x_thing", Action::Create, Value(),
                                ValueMap{{"tags", ValueMap{{"env", "dev"}, {"owner team", "ops"}}},
                                         {"ports", ValueList{80, 443}},
                                         {"empty", ValueMap{}},
                                         {"password", sensitive("hunter2")},
                                         {"labels", ValueMap{{"secret", sensitive("s")}}},
                                         {"script", "echo ${a}\necho b\n"},
                                         {"quoted", "say \"hi\" ${x}"}})});
    CHECK(render_plan(plan, {}) == R"(plinth will perform the following actions:

  # n will be created
  + resource "x_thing" "n" {
      + empty    = {}
      + labels   = {
          + "secret" = (sensitive value)
        }
      + password = (sensitive value)
      + ports    = [
          + 80,
          + 443,
        ]
      + quoted   = "say \"hi\" $${x}"
      + script   = <<-EOT
            echo ${a}
            echo b
        EOT
      + tags     = {
          + "env"        = "dev"
          + "owner team" = "ops"
        }
    }

Plan: 1 to add, 0 to change, 0 to destroy.
)");
}

TEST_CASE("render_text: a changed sensitive value is masked on both sides") {
    auto plan = plan_of({change("db", "x_db", Action::Update, ValueMap{{"password", sensitive("old")}, {"name", "a"}},
                                ValueMap{{"password", sensitive("new")}, {"name", "a"}})});
    CHECK(render_plan(plan, {}) == R"(plinth will perform the following actions:

  # db will be updated in-place
  ~ resource "x_db" "db" {
      ~ password = (sensitive value)
        # (1 unchanged attribute hidden)
    }

Plan: 0 to add, 1 to change, 0 to destroy.
)");
}

TEST_CASE("render_text: deletes say why and show every attribute going to null") {
    auto old = change("old", "null_resource", Action::Delete,
                      ValueMap{{"id", "123"}, {"triggers", ValueMap{{"a", "b"}}}}, Value());
    old.reason = ChangeReason::RemovedFromStack;
    CHECK(render_plan(plan_of({old}), {}) == R"(plinth will perform the following actions:

  # old will be destroyed
  # (because old is not in the stack)
  - resource "null_resource" "old" {
      - id       = "123" -> null
      - triggers = {
          - "a" = "b"
        } -> null
    }

Plan: 0 to add, 0 to change, 1 to destroy.
)");
}

TEST_CASE("render_text: an unconfirmed create and an indexed address") {
    auto web = change("web[0]", "null_resource", Action::Create, Value(), ValueMap{{"id", Value::unknown()}});
    web.reason = ChangeReason::CreateUnconfirmed;
    CHECK(render_plan(plan_of({web}), {}) == R"(plinth will perform the following actions:

  # web[0] was being created when plinth stopped; it will be created
  + resource "null_resource" "web" {
      + id = (known after apply)
    }

Plan: 1 to add, 0 to change, 0 to destroy.
)");
}

TEST_CASE("render_text: output changes follow the summary, sorted and aligned") {
    auto plan = plan_of({change("hello", "null_resource", Action::Create, Value(), ValueMap{{"id", Value::unknown()}}),
                         change("same", "null_resource", Action::NoOp, ValueMap{{"id", "1"}}, ValueMap{{"id", "1"}})},
                        {{"path", "a", Value::unknown(), false, false},
                         {"greeting", Value(), "hi", false, false},
                         {"secret", "a", "b", true, false},
                         {"unchanged", "a", "a", false, false},
                         {"gone", "z", "z", false, true}});
    CHECK(render_plan(plan, {}) == R"(plinth will perform the following actions:

  # hello will be created
  + resource "null_resource" "hello" {
      + id = (known after apply)
    }

Plan: 1 to add, 0 to change, 0 to destroy.

Changes to Outputs:
  - gone     = "z" -> null
  + greeting = "hi"
  ~ path     = "a" -> (known after apply)
  ~ secret   = (sensitive value)
)");
}

TEST_CASE("render_text: only outputs changing") {
    auto plan = plan_of({}, {{"greeting", Value(), "hi", false, false}});
    CHECK(render_plan(plan, {}) == R"(Changes to Outputs:
  + greeting = "hi"

You can apply this plan to save these new output values to the plinth state, without changing any real infrastructure.
)");
}

TEST_CASE("render_text: no changes") {
    auto plan = plan_of({change("same", "null_resource", Action::NoOp, ValueMap{{"id", "1"}}, ValueMap{{"id", "1"}})},
                        {{"unchanged", "a", "a", false, false}});
    CHECK(render_plan(plan, {}) == R"(No changes. Your infrastructure matches the configuration.

plinth has compared your real infrastructure against your configuration and found no differences, so no changes are needed.
)");
    plan.destroy = true;
    CHECK(render_plan(plan, {}).starts_with("No changes. No objects need to be destroyed.\n"));
}

TEST_CASE("render_text: a destroy plan lists its deletes") {
    auto plan = plan_of({change("a", "null_resource", Action::Delete, ValueMap{{"id", "1"}}, Value()),
                         change("b", "null_resource", Action::Delete, ValueMap{{"id", "2"}}, Value())});
    plan.destroy = true;
    CHECK(render_plan(plan, {}) == R"(plinth will perform the following actions:

  # a will be destroyed
  - resource "null_resource" "a" {
      - id = "1" -> null
    }

  # b will be destroyed
  - resource "null_resource" "b" {
      - id = "2" -> null
    }

Plan: 0 to add, 0 to change, 2 to destroy.
)");
}

TEST_CASE("render_text: colour marks actions and headings") {
    auto web = change("web", "local_file", Action::DeleteThenCreate, ValueMap{{"content", "a"}},
                      ValueMap{{"content", "b"}});
    web.replace_paths = {"content"};
    std::string text = render_plan(plan_of({web}), RenderStyle{true});
    CHECK(text.find("  \x1b[1m# web\x1b[0m must be replaced\n") != std::string::npos);
    CHECK(text.find("\x1b[31m-\x1b[0m/\x1b[32m+\x1b[0m resource") != std::string::npos);
    CHECK(text.find("      \x1b[33m~\x1b[0m content = \"a\" -> \"b\" \x1b[31m# forces replacement\x1b[0m\n") !=
          std::string::npos);
    CHECK(text.find("\x1b[1mPlan:\x1b[0m 1 to add") != std::string::npos);
}

TEST_CASE("render_text: resource names from addresses") {
    CHECK(resource_name("web") == "web");
    CHECK(resource_name("web[0]") == "web");
    CHECK(resource_name("pages[\"a.html\"]") == "pages");
    CHECK(resource_name("module.net.web") == "web");
    CHECK(resource_name("module.site[\"blog\"].page[\"about\"]") == "page");
    CHECK(resource_name("module.a[0].data.zone[1]") == "zone");
}

TEST_CASE("render text: the summary line names imports and forgets only when there are some") {
    CHECK(plan_summary_line({2, 1, 0, 0, 0}) == "Plan: 2 to add, 1 to change, 0 to destroy.");
    CHECK(plan_summary_line({1, 0, 1, 2, 3}) == "Plan: 3 to import, 1 to add, 0 to change, 1 to destroy, 2 to forget.");
}

TEST_CASE("render_text: a large plan is handed on in bounded pieces that make up the whole text") {
    ResourceChanges changes;
    for (int i = 0; i < 2000; ++i)
        changes.push_back(change(fmt::format("file{:04}", i), "local_file", Action::Create, Value(),
                                 Value(ValueMap{{"content", Value(std::string(100, 'x'))}, {"id", Value::unknown()}})));
    Plan plan = plan_of(std::move(changes), {OutputChange{"count", Value(), Value(2000)}});
    std::vector<std::string> pieces;
    write_plan(plan, RenderStyle{false}, [&](std::string_view piece) { pieces.emplace_back(piece); });
    REQUIRE(pieces.size() > 3);
    std::string joined;
    for (const auto& piece : pieces) {
        CHECK(piece.size() < 70 * 1024);
        joined += piece;
    }
    CHECK(joined == render_plan(plan, RenderStyle{false}));
    CHECK(joined.find("Plan: 2000 to add, 0 to change, 0 to destroy.") != std::string::npos);
    CHECK(joined.find("Changes to Outputs:") != std::string::npos);
}
