#include <catch2/catch.hpp>

#include "cli/json_events.h"

using namespace plinth;
using namespace plinth::cli;

TEST_CASE("json_events: a resource names its module, type, name and key apart") {
    JsonEvent keyed = resource_json("module.net[\"a\"].subnet[2]", "local_file", "local");
    CHECK(keyed["addr"] == "module.net[\"a\"].subnet[2]");
    CHECK(keyed["module"] == "module.net[\"a\"]");
    CHECK(keyed["resource"] == "subnet[2]");
    CHECK(keyed["resource_type"] == "local_file");
    CHECK(keyed["resource_name"] == "subnet");
    CHECK(keyed["resource_key"] == 2);
    CHECK(keyed["implied_provider"] == "local");
    CHECK(resource_json("web[\"blue\"]", "null_resource", "null")["resource_key"] == "blue");
    CHECK(resource_json("web", "null_resource", "null")["resource_key"].is_null());
    CHECK(resource_json("data.seed", "external", "external")["resource_name"] == "seed");
}

TEST_CASE("json_events: actions and reasons use Terraform's words") {
    plans::ResourceChange change;
    change.address = "web[3]";
    change.action = plans::Action::CreateThenDelete;
    CHECK(change_json(change)["action"] == "replace");
    CHECK(change_json(change)["reason"] == "cannot_update");
    change.reason = plans::ChangeReason::ReplaceRequested;
    CHECK(change_json(change)["reason"] == "requested");
    change.action = plans::Action::Delete;
    change.reason = plans::ChangeReason::InstanceGone;
    CHECK(change_json(change)["reason"] == "delete_because_count_index");
    change.address = "web[\"a\"]";
    CHECK(change_json(change)["reason"] == "delete_because_each_key");
    change.action = plans::Action::Update;
    change.reason = plans::ChangeReason::None;
    CHECK_FALSE(change_json(change).contains("reason"));
    CHECK(json_action(plans::Action::NoOp) == "noop");
}

TEST_CASE("json_events: sensitive outputs are named, never shown") {
    std::map<std::string, OutputState> outputs{{"open", {Value("v"), false}},
                                                {"marked", {Value("s3cret").mark_sensitive(), false}},
                                                {"declared", {Value("x"), true}}};
    JsonEvent json = outputs_json(outputs);
    CHECK(json["open"] == JsonEvent({{"sensitive", false}, {"value", "v"}}));
    CHECK(json["marked"] == JsonEvent({{"sensitive", true}}));
    CHECK(json["declared"] == JsonEvent({{"sensitive", true}}));
}

TEST_CASE("json_events: a diagnostic carries its place when it has one") {
    JsonEvent placed = diagnostic_json(make_error("bad", "why", SourceLocation{"main.yaml", 3, 7}));
    CHECK(placed["range"] == JsonEvent({{"filename", "main.yaml"}, {"start", {{"line", 3}, {"column", 7}}}}));
    CHECK(placed["severity"] == "error");
    CHECK(diagnostic_json(make_warning("loose"))["severity"] == "warning");
    CHECK_FALSE(diagnostic_json(make_error("nowhere")).contains("range"));
}

TEST_CASE("json_events: timestamps are RFC 3339 in UTC with microseconds") {
    auto when = std::chrono::system_clock::time_point{std::chrono::microseconds{1'700'000'000'123'456}};
    CHECK(json_timestamp(when) == "2023-11-14T22:13:20.123456Z");
}
