#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "core/value_json.h"
#include "core/version.h"
#include "plans/plan_file.h"
#include "plans/plan_secrets.h"

using namespace plinth;
using namespace plinth::plans;

namespace {
Plan full_plan() {
    Plan plan;
    plan.prior_lineage = "3f1c2a9e-0000-4000-8000-000000000001";
    plan.prior_serial = 18446744073709551615ull;
    plan.prior_state_existed = true;
    plan.stack_fingerprint = "sha256:abc";
    plan.variables = ValueMap{{"env", "dev"}, {"password", Value("s3cret").mark_sensitive()}, {"n", 2.5}};
    plan.destroy = true;
    const Action actions[] = {Action::NoOp, Action::Create, Action::Update,
                              Action::Delete, Action::DeleteThenCreate, Action::CreateThenDelete};
    const ChangeReason reasons[] = {ChangeReason::None, ChangeReason::Tainted, ChangeReason::CreateUnconfirmed,
                                    ChangeReason::RemovedFromStack};
    int i = 0;
    for (Action action : actions) {
        ResourceChange change;
        change.address = "r" + std::to_string(i);
        change.type = "local_file";
        change.provider = "local";
        change.action = action;
        change.reason = reasons[i % 4];
        change.before = ValueMap{{"id", i}, {"tags", ValueMap{{"k", Value("v").mark_sensitive()}}}};
        change.after = ValueMap{{"id", Value::unknown()}, {"list", ValueList{1, Value::unknown(), nullptr, true}},
                                {"secret", Value(ValueMap{{"a", "b"}}).mark_sensitive()}, {"x", 0.1}};
        change.replace_paths = {"content", "tags.k"};
        change.dependencies = {"a", "b[0]"};
        change.create_before_destroy = i % 2 == 1;
        plan.changes.push_back(change);
        ++i;
    }
    plan.output_changes = {{"greeting", Value(), "hi", false, false},
                           {"path", "a", Value::unknown(), true, false},
                           {"old", "z", Value(), false, true}};
    plan.data_reads = {{"data.seed", "local_file", "local", ValueMap{{"content", "x"}}, false},
                       {"module.net[\"a\"].data.zone[0]", "external", "external",
                        ValueMap{{"result", Value::unknown()}}, true}};
    plan.deferred = {{"module.net[\"a\"].web", "its count depends on values known only after apply"}};
    plan.moves = {{"old", "renamed[0]"}, {"module.a", "module.b"}};
    plan.forgets = {"spare", "module.x.y[\"k\"]"};
    return plan;
}

// Equality that also compares sensitive marks, which Value's operator== ignores.
bool same(const Value& a, const Value& b) { return to_tagged_json(a) == to_tagged_json(b); }
}  // namespace

TEST_CASE("plan_file: a refresh-only plan keeps its drift") {
    Plan plan;
    plan.refresh_only = true;
    plan.drift = {Drift{"edited", "local_file", Value(ValueMap{{"content", Value("old")}}),
                        Value(ValueMap{{"content", Value("new").mark_sensitive()}}), false},
                  Drift{"gone", "local_file", Value(ValueMap{{"content", Value("x")}}), Value(), true}};
    auto parsed = parse_plan(serialize_plan(plan), "plan.out");
    REQUIRE(parsed.has_value());
    CHECK(parsed->refresh_only);
    REQUIRE(parsed->drift.size() == 2);
    CHECK(parsed->drift[0].address == "edited");
    CHECK(parsed->drift[0].type == "local_file");
    CHECK(same(parsed->drift[0].before, plan.drift[0].before));
    CHECK(same(parsed->drift[0].after, plan.drift[0].after));
    CHECK_FALSE(parsed->drift[0].gone);
    CHECK(parsed->drift[1].gone);
    CHECK(parsed->drift[1].after.is_null());
    CHECK_FALSE(parse_plan(serialize_plan(full_plan()), "plan.out")->refresh_only);
}

TEST_CASE("plan_file: a plan survives a round trip exactly") {
    Plan plan = full_plan();
    std::string text = serialize_plan(plan);
    auto parsed = parse_plan(text, "plan.out");
    REQUIRE(parsed.has_value());
    CHECK(parsed->prior_lineage == plan.prior_lineage);
    CHECK(parsed->prior_serial == plan.prior_serial);
    CHECK(parsed->prior_state_existed);
    CHECK(parsed->stack_fingerprint == plan.stack_fingerprint);
    CHECK(same(Value(parsed->variables), Value(plan.variables)));
    CHECK(parsed->destroy);
    REQUIRE(parsed->changes.size() == plan.changes.size());
    for (std::size_t i = 0; i < plan.changes.size(); ++i) {
        const auto& got = parsed->changes[i];
        const auto& want = plan.changes[i];
        CHECK(got.address == want.address);
        CHECK(got.type == want.type);
        CHECK(got.provider == want.provider);
        CHECK(got.action == want.action);
        CHECK(got.reason == want.reason);
        CHECK(same(got.before, want.before));
        CHECK(same(got.after, want.after));
        CHECK(got.replace_paths == want.replace_paths);
        CHECK(got.dependencies == want.dependencies);
        CHECK(got.create_before_destroy == want.create_before_destroy);
    }
    REQUIRE(parsed->output_changes.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(parsed->output_changes[i].name == plan.output_changes[i].name);
        CHECK(same(parsed->output_changes[i].before, plan.output_changes[i].before));
        CHECK(same(parsed->output_changes[i].after, plan.output_changes[i].after));
        CHECK(parsed->output_changes[i].sensitive == plan.output_changes[i].sensitive);
        CHECK(parsed->output_changes[i].removed == plan.output_changes[i].removed);
    }
    REQUIRE(parsed->data_reads.size() == 2);
    CHECK(parsed->data_reads[1].address == plan.data_reads[1].address);
    CHECK(parsed->data_reads[1].deferred);
    CHECK(same(parsed->data_reads[1].result, plan.data_reads[1].result));
    REQUIRE(parsed->deferred.size() == 1);
    CHECK(parsed->deferred[0].reason == plan.deferred[0].reason);
    REQUIRE(parsed->moves.size() == 2);
    CHECK(parsed->moves[1].to == "module.b");
    CHECK(parsed->forgets == plan.forgets);
    CHECK(serialize_plan(*parsed) == text);
}

TEST_CASE("plan_file: the file starts with its format marker and version") {
    std::string text = serialize_plan(Plan{});
    CHECK(text.starts_with(fmt::format("{{\n  \"plinth_plan_format\": {},\n  \"plinth_version\": ",
                                       k_plan_format_version)));
    auto json = nlohmann::json::parse(text);
    CHECK(json["plinth_plan_format"] == k_plan_format_version);
    CHECK(json["plinth_version"] == k_version);
    CHECK(json["changes"].is_array());
}

TEST_CASE("plan_file: anything that is not a plinth plan is refused clearly") {
    auto not_json = parse_plan("hello", "x.txt");
    REQUIRE_FALSE(not_json.has_value());
    CHECK(not_json.error().summary == "x.txt is not a plinth plan file");
    CHECK(not_json.error().location.file == "x.txt");

    auto other = parse_plan(R"({"a": 1})", "other.json");
    REQUIRE_FALSE(other.has_value());
    CHECK(other.error().summary == "other.json is not a plinth plan file");

    auto state = parse_plan(R"({"format_version": 1, "lineage": "x", "serial": 1})", "plinth.state.json");
    REQUIRE_FALSE(state.has_value());
    CHECK(state.error().summary == "plinth.state.json is not a plinth plan file");
    CHECK(state.error().detail.find("state file") != std::string::npos);

    auto list = parse_plan("[1, 2]", "l.json");
    REQUIRE_FALSE(list.has_value());
    CHECK(list.error().summary == "l.json is not a plinth plan file");
}

TEST_CASE("plan_file: another format or plinth version is refused before reading further") {
    auto json = nlohmann::json::parse(serialize_plan(Plan{}));
    json["plinth_plan_format"] = k_plan_format_version + 1;
    json["changes"] = "garbage";
    auto newer = parse_plan(json.dump(), "p");
    REQUIRE_FALSE(newer.has_value());
    CHECK(newer.error().summary ==
          fmt::format("p uses plan format {}, which this plinth cannot read", k_plan_format_version + 1));

    json["plinth_plan_format"] = k_plan_format_version;
    json["plinth_version"] = "0.0.1";
    auto older = parse_plan(json.dump(), "p");
    REQUIRE_FALSE(older.has_value());
    CHECK(older.error().summary == std::string("p was made by plinth \"0.0.1\", not by this plinth ") + k_version);
}

TEST_CASE("plan_file: a damaged plan names the first bad field") {
    auto json = nlohmann::json::parse(serialize_plan(full_plan()));
    SECTION("an unknown action") {
        json["changes"][2]["action"] = "explode";
        auto parsed = parse_plan(json.dump(), "p");
        REQUIRE_FALSE(parsed.has_value());
        CHECK(parsed.error().summary == "p is a damaged plinth plan file");
        CHECK(parsed.error().detail == "\"changes[2].action\" is missing or is not a known name.");
    }
    SECTION("a missing field") {
        json.erase("prior_serial");
        auto parsed = parse_plan(json.dump(), "p");
        REQUIRE_FALSE(parsed.has_value());
        CHECK(parsed.error().detail == "\"prior_serial\" is missing or is not a whole number.");
    }
    SECTION("a mistyped list") {
        json["output_changes"][1]["removed"] = "no";
        auto parsed = parse_plan(json.dump(), "p");
        REQUIRE_FALSE(parsed.has_value());
        CHECK(parsed.error().detail == "\"output_changes[1].removed\" is missing or is not true or false.");
    }
    SECTION("a list of strings holding a number") {
        json["changes"][0]["dependencies"] = {"a", 1};
        auto parsed = parse_plan(json.dump(), "p");
        REQUIRE_FALSE(parsed.has_value());
        CHECK(parsed.error().detail == "\"changes[0].dependencies\" is missing or is not a list of strings.");
    }
}

TEST_CASE("plan_file: with encryption the file hides every value and still round trips") {
    const StateCodec codec({EncryptionKey{EncryptionKey::Kind::Raw, std::string(32, 'k'), "env", "key_provider"}});
    Plan plan = full_plan();
    auto [bytes, secrets_left_out] = encode_plan(plan, codec);
    CHECK_FALSE(secrets_left_out);
    CHECK(is_encrypted(bytes));
    CHECK(bytes.find("s3cret") == std::string::npos);
    CHECK(bytes.find("local_file") == std::string::npos);
    auto read = decode_plan(bytes, "tonight.plan", codec);
    REQUIRE(read);
    CHECK(serialize_plan(*read) == serialize_plan(plan));

    auto without_keys = decode_plan(bytes, "tonight.plan", StateCodec());
    REQUIRE_FALSE(without_keys);
    CHECK(without_keys.error().summary == "tonight.plan is encrypted; configure `encryption:`");
}

TEST_CASE("plan_file: without encryption the file is the plan's JSON without its secrets") {
    const StateCodec no_keys;
    Plan plan = full_plan();
    auto encoded = encode_plan(plan, no_keys);
    CHECK(encoded.secrets_left_out);
    CHECK(encoded.bytes == serialize_plan(without_secrets(plan)));
    CHECK(encoded.bytes.find("s3cret") == std::string::npos);
    auto read = decode_plan(encoded.bytes, "p", no_keys);
    REQUIRE(read);
    CHECK(read->secrets_redacted);
}
