#include <catch2/catch.hpp>

#include "core/state/state_file.h"
#include "core/version.h"

using namespace plinth;

namespace {

State sample_state() {
    State state = State::fresh();
    state.serial = 7;
    ResourceState site{"site", "local_file", "local", "abc123", Value(ValueMap{}), {}, ResourceStatus::Ready};
    site.attributes.as_map()["path"] = "out/site.txt";
    site.attributes.as_map()["size"] = 12;
    site.attributes.as_map()["ratio"] = 0.25;
    site.attributes.as_map()["content"] = Value("secret text").mark_sensitive();
    site.attributes.as_map()["tags"] = Value(ValueMap{{"owner", "ops"}, {"a.b", Value("x").mark_sensitive()}});
    site.attributes.as_map()["rules"] = Value(ValueList{Value(ValueMap{{"port", Value(80).mark_sensitive()}})});
    ResourceState pages{"pages[\"index.html\"]", "local_file", "local", "p1", Value(ValueMap{{"n", nullptr}}),
                        {"site"}, ResourceStatus::Tainted};
    state.resources.emplace(site.address, site);
    state.resources.emplace(pages.address, pages);
    state.outputs["bucket"] = OutputState{"app-dev-site", false};
    state.outputs["password"] = OutputState{Value("hunter2").mark_sensitive(), true};
    return state;
}

}  // namespace

TEST_CASE("state_file: fresh states have a lineage and serial 0") {
    State a = State::fresh();
    State b = State::fresh();
    CHECK(a.serial == 0);
    CHECK(a.lineage.size() == 36);
    CHECK(a.lineage != b.lineage);
}

TEST_CASE("state_file: resource status names") {
    for (auto status : {ResourceStatus::Ready, ResourceStatus::Creating, ResourceStatus::Tainted, ResourceStatus::Deleting,
                        ResourceStatus::Updating})
        CHECK(parse_resource_status(to_string(status)) == status);
    CHECK_FALSE(parse_resource_status("gone"));
}

TEST_CASE("state_file: the document has the fields of DESIGN.md") {
    auto doc = nlohmann::json::parse(serialize_state(sample_state()));
    CHECK(doc["format_version"] == 1);
    CHECK(doc["plinth_version"] == k_version);
    CHECK(doc["serial"] == 7);
    CHECK(doc["outputs"]["password"] == nlohmann::json{{"value", "hunter2"}, {"sensitive", true}});
    REQUIRE(doc["resources"].size() == 2);
    const auto& site = doc["resources"][1];
    CHECK(site["address"] == "site");
    CHECK(site["attributes"]["content"] == "secret text");
    CHECK(site["sensitive_attributes"] == nlohmann::json{"content", "rules[0].port", "tags[\"a.b\"]"});
    CHECK(site["status"] == "ready");
    CHECK(doc["resources"][0]["dependencies"] == nlohmann::json{"site"});
    CHECK(doc["resources"][0]["status"] == "tainted");
    CHECK(serialize_state(sample_state()).find("{\n  \"format_version\": 1,") == 0);
}

TEST_CASE("state_file: round trip keeps values and sensitive marks") {
    State original = sample_state();
    std::string text = serialize_state(original);
    auto parsed = parse_state(text, "plinth.state.json");
    REQUIRE(parsed);
    CHECK(serialize_state(*parsed) == text);
    CHECK(parsed->lineage == original.lineage);
    CHECK(parsed->serial == 7);
    const auto& site = parsed->resources.at("site");
    CHECK(site.attributes == original.resources.at("site").attributes);
    CHECK(site.attributes.find("content")->is_sensitive());
    CHECK_FALSE(site.attributes.find("path")->is_sensitive());
    CHECK(site.attributes.find("tags")->find("a.b")->is_sensitive());
    CHECK(site.attributes.find("rules")->as_list()[0].find("port")->is_sensitive());
    CHECK(parsed->resources.at("pages[\"index.html\"]").status == ResourceStatus::Tainted);
    CHECK(parsed->outputs.at("password").sensitive);
    CHECK(parsed->outputs.at("password").value.is_sensitive());
    CHECK_FALSE(parsed->outputs.at("bucket").value.is_sensitive());
}

TEST_CASE("state_file: an unconfirmed update keeps its prior attributes and their sensitive marks") {
    State state = State::fresh();
    ResourceState schema{"schema", "postgresql_schema", "pg", "app", Value(ValueMap{{"name", "app_v2"}}), {},
                         ResourceStatus::Updating};
    schema.prior_attributes =
        std::make_shared<const Value>(ValueMap{{"name", "app"}, {"owner", Value("alice").mark_sensitive()}});
    state.resources.emplace(schema.address, schema);
    std::string text = serialize_state(state);
    CHECK(text.find("\"prior_sensitive_attributes\": [\n        \"owner\"") != std::string::npos);
    auto parsed = parse_state(text, "s.json");
    REQUIRE(parsed);
    const auto& read = parsed->resources.at("schema");
    CHECK(read.status == ResourceStatus::Updating);
    REQUIRE(read.prior_attributes);
    CHECK(*read.prior_attributes == *schema.prior_attributes);
    CHECK(read.prior_attributes->find("owner")->is_sensitive());

    // Only an update in progress carries them, and it must.
    CHECK(serialize_state(sample_state()).find("prior_attributes") == std::string::npos);
    auto missing = parse_state(R"({"format_version": 1, "serial": 1, "lineage": "L", "resources": [{"address": "a",
        "type": "t", "provider": "p", "id": "i", "attributes": {}, "status": "updating"}]})", "s.json");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().detail == "resources[0]: a: an update in progress needs \"prior_attributes\"");
}

TEST_CASE("state_file: an output holding a sensitive value is recorded as sensitive") {
    State state = State::fresh();
    state.outputs["mixed"] = OutputState{Value(ValueList{"a", Value("b").mark_sensitive()}), false};
    auto parsed = parse_state(serialize_state(state), "s.json");
    REQUIRE(parsed);
    CHECK(parsed->outputs.at("mixed").sensitive);
}

TEST_CASE("state_file: format_version is checked first") {
    auto newer = parse_state(R"({"format_version": 2, "serial": "garbage"})", "st.json");
    REQUIRE_FALSE(newer);
    CHECK(newer.error().summary == "state file st.json has format_version 2; this plinth reads version 1");
    auto missing = parse_state(R"({"serial": 1, "lineage": "x"})", "st.json");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().summary.find("has no format_version") != std::string::npos);
}

TEST_CASE("state_file: malformed JSON names the file and the place") {
    auto result = parse_state("{\n  \"format_version\": 1,\n  \"serial\": ,\n}", "dir/st.json");
    REQUIRE_FALSE(result);
    CHECK(result.error().summary == "state file dir/st.json is not valid JSON");
    CHECK(result.error().location.file == "dir/st.json");
    CHECK(result.error().location.line == 3);
    CHECK(result.error().location.column == 13);
    CHECK(result.error().detail.find("at byte 38 (line 3, column 13)") == 0);
}

TEST_CASE("state_file: a number too large for a double is invalid JSON (found by fuzzing)") {
    auto result = parse_state("{\"format_version\": 1e400}", "st.json");
    REQUIRE_FALSE(result);
    CHECK(result.error().summary == "state file st.json is not valid JSON");
    CHECK(result.error().detail.find("number overflow") != std::string::npos);
}

TEST_CASE("state_file: invalid fields are reported") {
    std::string base = R"({"format_version": 1, "serial": 1, "lineage": "L", "resources": )";
    auto bad_status = parse_state(base + R"([{"address": "a", "type": "t", "provider": "p", "id": "i",
        "attributes": {}, "status": "weird"}]})", "s.json");
    REQUIRE_FALSE(bad_status);
    CHECK(bad_status.error().detail == "resources[0]: a: unknown status \"weird\"");
    auto duplicate = parse_state(base + R"([{"address": "a", "type": "t", "provider": "p", "id": "i",
        "attributes": {}, "status": "ready"}, {"address": "a", "type": "t", "provider": "p", "id": "i",
        "attributes": {}, "status": "ready"}]})", "s.json");
    REQUIRE_FALSE(duplicate);
    CHECK(duplicate.error().detail == "resources[1]: address \"a\" appears twice");
    auto no_type = parse_state(base + R"([{"address": "a"}]})", "s.json");
    REQUIRE_FALSE(no_type);
    CHECK(no_type.error().detail == "resources[0]: missing \"type\"");
    CHECK_FALSE(parse_state(R"({"format_version": 1, "serial": -1, "lineage": "L"})", "s.json"));
    CHECK_FALSE(parse_state("[1]", "s.json"));
}

TEST_CASE("state_file: the resources list is read element by element, each checked") {
    std::string base = R"({"format_version": 1, "serial": 1, "lineage": "L", "resources": )";
    std::string ready = R"({"address": "a", "type": "t", "provider": "p", "id": "i", "attributes": {"n": [1, {"k": "v"}]},
        "status": "ready"})";
    auto read = parse_state(base + "[" + ready + "]}", "s.json");
    REQUIRE(read);
    REQUIRE(read->resources.size() == 1);
    CHECK(read->resources.at("a").attributes ==
          Value(ValueMap{{"n", Value(ValueList{Value(1), Value(ValueMap{{"k", "v"}})})}}));
    for (const char* element : {R"("a")", "[1, 2]", "7", "null"}) {
        auto bad = parse_state(base + "[" + ready + ", " + element + "]}", "s.json");
        REQUIRE_FALSE(bad);
        CHECK(bad.error().detail == "resources[1]: a resource must be an object");
    }
    auto not_a_list = parse_state(base + "{\"a\": " + ready + "}}", "s.json");
    REQUIRE_FALSE(not_a_list);
    CHECK(not_a_list.error().detail == "\"resources\" must be a list");
    // A list under another key, even one named "resources" deeper down, is no resource list.
    auto nested = parse_state(R"({"format_version": 1, "serial": 1, "lineage": "L", "outputs": {"resources":
        {"value": [{"address": 1}]}}})", "s.json");
    REQUIRE(nested);
    CHECK(nested->resources.empty());
    CHECK(nested->outputs.at("resources").value == Value(ValueList{Value(ValueMap{{"address", 1}})}));
}

TEST_CASE("state_file: resources written one at a time are laid out as one dump of the document") {
    State state = sample_state();
    ResourceState updating{"u", "null_resource", "null", "9", Value(ValueMap{{"x", 1}}), {"site"},
                           ResourceStatus::Updating};
    updating.prior_attributes = std::make_shared<const Value>(ValueMap{{"x", Value(0).mark_sensitive()}});
    state.resources.emplace(updating.address, updating);
    for (const State& written : {state, State::fresh()}) {
        std::string text = serialize_state(written);
        CHECK(text == nlohmann::ordered_json::parse(text).dump(2) + "\n");
    }
}

TEST_CASE("state_file: resource JSON round trip") {
    ResourceState resource{"a", "null_resource", "null", "42", Value(ValueMap{{"k", Value("v").mark_sensitive()}}),
                           {"b", "c"}, ResourceStatus::Creating};
    auto back = resource_from_json(resource_to_json(resource));
    REQUIRE(back);
    CHECK(back->address == "a");
    CHECK(back->dependencies == std::vector<std::string>{"b", "c"});
    CHECK(back->status == ResourceStatus::Creating);
    CHECK(back->attributes.find("k")->is_sensitive());
    ResourceState bare{"b", "null_resource", "null", "", Value(), {}, ResourceStatus::Creating};
    auto bare_back = resource_from_json(resource_to_json(bare));
    REQUIRE(bare_back);
    CHECK(bare_back->attributes.is_null());
    CHECK_FALSE(resource_from_json(nlohmann::json{{"address", "c"}, {"type", "t"}, {"provider", "p"}, {"id", ""},
                                                  {"attributes", 3}, {"status", "ready"}}));
}
