#include <catch2/catch.hpp>

#include "plans/render_state.h"

using namespace plinth;
using namespace plinth::plans;

namespace {
State sample_state() {
    State state;
    state.lineage = "l";
    state.serial = 3;
    ResourceState hello;
    hello.address = "hello";
    hello.type = "local_file";
    hello.provider = "local";
    hello.id = "abc";
    hello.attributes = ValueMap{{"content", "hi"}, {"filename", "out/hello.txt"}, {"id", "abc"}, {"mode", Value()},
                                {"tags", ValueMap{{"env", "dev"}}}};
    state.resources["hello"] = hello;
    ResourceState db;
    db.address = "db[0]";
    db.type = "x_db";
    db.provider = "x";
    db.id = "1";
    db.attributes = ValueMap{{"id", "1"}, {"password", Value("hunter2").mark_sensitive()}};
    db.status = ResourceStatus::Tainted;
    state.resources["db[0]"] = db;
    state.outputs["greeting"] = {"hi", false};
    state.outputs["password"] = {"hunter2", true};
    state.outputs["ports"] = {ValueList{80, 443}, false};
    return state;
}
}  // namespace

TEST_CASE("render_state: resources and outputs like terraform show, sensitive masked") {
    CHECK(render_state(sample_state(), {}) == R"(# db[0]: (tainted)
resource "x_db" "db" {
    id       = "1"
    password = (sensitive value)
}

# hello:
resource "local_file" "hello" {
    content  = "hi"
    filename = "out/hello.txt"
    id       = "abc"
    tags     = {
        "env" = "dev"
    }
}


Outputs:

greeting = "hi"
password = (sensitive value)
ports = [
    80,
    443,
]
)");
}

TEST_CASE("render_state: an empty state says so") {
    CHECK(render_state(State{}, {}) == "The state is empty. No resources are represented.\n");
}

TEST_CASE("render_state: outputs only, and an unconfirmed create") {
    State state;
    state.outputs["x"] = {"1", false};
    CHECK(render_state(state, {}) == "Outputs:\n\nx = \"1\"\n");
    ResourceState web;
    web.address = "web";
    web.type = "null_resource";
    web.attributes = ValueMap{};
    web.status = ResourceStatus::Creating;
    state.resources["web"] = web;
    CHECK(render_state(state, RenderStyle{true}).starts_with(
        "\x1b[1m# web:\x1b[0m (creation unconfirmed)\nresource \"null_resource\" \"web\" {\n}\n"));
    state.resources["web"].status = ResourceStatus::Deleting;
    CHECK(render_state(state, {}).starts_with("# web: (deletion unconfirmed)\n"));
    state.resources["web"].status = ResourceStatus::Updating;
    CHECK(render_state(state, {}).starts_with("# web: (update unconfirmed)\n"));
}

TEST_CASE("render_state: one resource for plinth state show") {
    auto state = sample_state();
    CHECK(render_resource_state(state.resources["db[0]"], {}) == R"(# db[0]: (tainted)
resource "x_db" "db" {
    id       = "1"
    password = (sensitive value)
}
)");
}

TEST_CASE("render_state: outputs for plinth output, masked") {
    CHECK(render_outputs(sample_state().outputs, {}) == R"(greeting = "hi"
password = <sensitive>
ports = [
    80,
    443,
]
)");
    CHECK(render_outputs({}, {}).empty());
}

TEST_CASE("render_state: raw outputs are unquoted and unmasked") {
    CHECK(render_output_raw("plain text") == "plain text");
    CHECK(render_output_raw(42) == "42");
    CHECK(render_output_raw(1.5) == "1.5");
    CHECK(render_output_raw(true) == "true");
    CHECK(render_output_raw(Value("s").mark_sensitive()) == "s");
}

TEST_CASE("render_state: outputs as JSON, unmasked, with types") {
    std::map<std::string, OutputState> outputs;
    outputs["greeting"] = {"hi", false};
    outputs["password"] = {"hunter2", true};
    outputs["cfg"] = {ValueMap{{"ports", ValueList{80, "x"}}, {"on", true}}, false};
    outputs["nothing"] = {Value(), false};
    auto json = outputs_to_json(outputs);
    CHECK(json == nlohmann::json::parse(R"({
        "greeting": {"sensitive": false, "type": "string", "value": "hi"},
        "password": {"sensitive": true, "type": "string", "value": "hunter2"},
        "cfg": {"sensitive": false,
                "type": ["object", {"on": "bool", "ports": ["tuple", ["number", "string"]]}],
                "value": {"on": true, "ports": [80, "x"]}},
        "nothing": {"sensitive": false, "type": "dynamic", "value": null}
    })"));
}
