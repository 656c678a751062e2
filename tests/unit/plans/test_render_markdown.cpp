#include <catch2/catch.hpp>

#include "plans/render_markdown.h"

using namespace plinth;
using namespace plinth::plans;

TEST_CASE("render_markdown: no changes is one line") {
    Plan plan;
    CHECK(render_plan_markdown(plan) ==
          "### plinth plan\n\n**No changes. Your infrastructure matches the configuration.**\n");
}

TEST_CASE("render_markdown: table cells and code blocks cannot be broken out of") {
    Plan plan;
    plan.workspace = "staging";
    ResourceChange change;
    change.address = "web[\"a|b\"]";
    change.type = "local_file";
    change.provider = "local";
    change.action = Action::Create;
    change.after = Value(ValueMap{{"content", Value("```\n</details>")}, {"secret", Value("x").mark_sensitive()}});
    plan.changes.push_back(change);
    std::string text = render_plan_markdown(plan);
    CHECK(text.starts_with("### plinth plan (workspace `staging`)\n\n**Plan: 1 to add, 0 to change, 0 to destroy.**\n"));
    CHECK(text.find("| `web[\"a\\|b\"]` | `local_file` |  |\n") != std::string::npos);
    CHECK(text.find("<summary><code>web[\"a|b\"]</code> (local_file)</summary>") != std::string::npos);
    // The content holds three backticks, so the block's fence has four.
    CHECK(text.find("\n````\n  # web[\"a|b\"] will be created") != std::string::npos);
    CHECK(text.find("(sensitive value)") != std::string::npos);
}
