#include <catch2/catch.hpp>

#include "plans/json_values.h"
#include "plans/render_plan_json.h"

using namespace plinth;
using namespace plinth::plans;

TEST_CASE("render_plan_json: unknown and sensitive parts are left out and marked") {
    Value value(ValueMap{{"id", Value::unknown()},
                         {"password", Value("s3cret").mark_sensitive()},
                         {"tags", ValueMap{{"a", Value("1")}}},
                         {"list", ValueList{Value("x"), Value::unknown()}}});
    JsonValueParts parts = split_json_value(value);
    CHECK(parts.known == PlanJson::parse(R"({"list": ["x", null], "tags": {"a": "1"}})"));
    CHECK(parts.unknown == PlanJson::parse(R"({"id": true, "list": [false, true]})"));
    CHECK(parts.sensitive == PlanJson::parse(R"({"password": true})"));
    CHECK(object_marks(split_json_value(Value(ValueMap{{"a", Value("b")}})).unknown) == PlanJson::object());
    CHECK(split_json_value(Value(2.5)).known == 2.5);
}

TEST_CASE("render_plan_json: changes, module nesting and prior values") {
    Plan plan;
    ResourceChange replaced;
    replaced.address = "module.net[\"a\"].subnet[1]";
    replaced.type = "local_file";
    replaced.provider = "local";
    replaced.action = Action::CreateThenDelete;
    replaced.before = Value(ValueMap{{"content", Value("old")}});
    replaced.after = Value(ValueMap{{"content", Value("new")}});
    replaced.replace_paths = {"content", "tags.k"};
    plan.changes.push_back(replaced);
    plan.moves.push_back({"module.net[\"a\"].old", "module.net[\"a\"].subnet[1]"});

    auto json = PlanJson::parse(render_plan_json(plan));
    const auto& change = json["resource_changes"][0];
    CHECK(change["address"] == "module.net[\"a\"].subnet[1]");
    CHECK(change["module_address"] == "module.net[\"a\"]");
    CHECK(change["name"] == "subnet");
    CHECK(change["index"] == 1);
    CHECK(change["previous_address"] == "module.net[\"a\"].old");
    CHECK(change["change"]["actions"] == PlanJson::parse(R"(["create", "delete"])"));
    CHECK(change["change"]["replace_paths"] == PlanJson::parse(R"([["content"], ["tags", "k"]])"));
    CHECK(change["action_reason"] == "replace_because_cannot_update");
    const auto& child = json["planned_values"]["root_module"]["child_modules"][0];
    CHECK(child["address"] == "module.net[\"a\"]");
    CHECK(child["resources"][0]["values"]["content"] == "new");
    CHECK(json["prior_state"]["values"]["root_module"]["child_modules"][0]["resources"][0]["values"]["content"] ==
          "old");
    CHECK(json["configuration"]["root_module"]["module_calls"]["net"]["module"]["resources"][0]["address"] ==
          "subnet");
}
