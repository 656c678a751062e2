// The engine end to end over the fake provider: plan actions, apply order, failures, refresh.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/stack/loader.h"
#include "fake_provider.h"
#include "plans/drift.h"
#include "plans/engine.h"
#include "test_stack.h"

using namespace plinth;
using namespace plinth::plans;
using plinth::testing::FakeWorld;
using plinth::testing::MemoryJournal;

namespace {

Stack load_engine_stack(const std::string& yaml) {
    return plinth::testing::load_test_stack(yaml, "/tmp/plinth-engine-test");
}

// An engine over a single stack (no module calls).
std::expected<Engine, Diagnostics> open_engine(const Stack& stack, const providers::ProviderRegistry& registry) {
    auto root = std::make_unique<ModuleNode>();
    root->stack = std::make_shared<const Stack>(stack);
    return Engine::open(std::move(root), registry);
}

struct Harness {
    std::shared_ptr<FakeWorld> world = std::make_shared<FakeWorld>();
    providers::ProviderRegistry registry = testing::fake_registry(world);
    State state = State::fresh();
    MemoryJournal journal;

    Plan plan(const Stack& stack, bool destroy = false) {
        auto engine = open_engine(stack, registry);
        REQUIRE(engine);
        auto refreshed = engine->refresh(state, 4);
        REQUIRE_FALSE(refreshed.diagnostics.has_errors());
        auto plan = engine->plan(state, {}, {destroy, refreshed.unconfirmed_gone, {}, {}, {}});
        if (!plan) FAIL(format_diagnostic(plan.error()[0]));
        return std::move(*plan);
    }

    ApplyResult apply(const Stack& stack, const Plan& plan) {
        auto engine = open_engine(stack, registry);
        REQUIRE(engine);
        return engine->apply(plan, state, journal, nullptr, 4, nullptr);
    }

    ApplyResult plan_and_apply(const Stack& stack, bool destroy = false) { return apply(stack, plan(stack, destroy)); }

    std::ptrdiff_t call_index(const std::string& call) const {
        auto it = std::find(world->calls.begin(), world->calls.end(), call);
        return it == world->calls.end() ? -1 : it - world->calls.begin();
    }
};

const ResourceChange& change_for(const Plan& plan, const std::string& address) {
    for (const auto& change : plan.changes)
        if (change.address == address) return change;
    FAIL("no change for " << address);
    throw;
}

const char* k_two_linked = R"(
resources:
  a:
    type: fake_thing
    properties: { name: a, value: one }
  b:
    type: fake_thing
    properties: { name: b, value: "from ${a.id}" }
)";

}  // namespace

TEST_CASE("engine: a new stack plans creates and applies them in dependency order") {
    Harness h;
    Stack stack = load_engine_stack(k_two_linked);
    Plan plan = h.plan(stack);
    REQUIRE(plan.changes.size() == 2);
    CHECK(change_for(plan, "a").action == Action::Create);
    CHECK(change_for(plan, "b").after.find("value")->is_unknown());
    CHECK(change_for(plan, "b").dependencies == std::vector<std::string>{"a"});

    auto result = h.apply(stack, plan);
    REQUIRE(result.ok());
    CHECK(result.done.add == 2);
    CHECK(h.call_index("create a") < h.call_index("create b"));
    REQUIRE(h.state.resources.size() == 2);
    CHECK(h.state.resources["b"].attributes.find("value")->as_string() == "from id-1");
    CHECK(h.state.resources["b"].status == ResourceStatus::Ready);
    CHECK(std::count(h.journal.records.begin(), h.journal.records.end(), "put a creating") == 1);
    CHECK(std::count(h.journal.records.begin(), h.journal.records.end(), "put a ready") == 1);
}

TEST_CASE("engine: apply takes the plan's changes and lets go of each once its step has run") {
    Harness h;
    Stack stack = load_engine_stack(k_two_linked);
    Plan plan = h.plan(stack);
    REQUIRE(plan.changes.size() == 2);
    auto engine = open_engine(stack, h.registry);
    REQUIRE(engine);
    ProviderSet providers(h.registry, stack);
    ApplyResult result = apply_plan({engine->root(), engine->graph(), plan, h.state, h.journal, nullptr, 4, nullptr}, providers);
    REQUIRE(result.ok());
    CHECK(plan.changes.empty());
    CHECK(h.state.resources["b"].dependencies == std::vector<std::string>{"a"});
    CHECK(h.state.resources["b"].attributes.find("value")->as_string() == "from id-1");
}

TEST_CASE("engine: an applied stack plans no changes") {
    Harness h;
    Stack stack = load_engine_stack(k_two_linked);
    REQUIRE(h.plan_and_apply(stack).ok());
    Plan again = h.plan(stack);
    CHECK_FALSE(again.has_changes());
}

TEST_CASE("engine: an unchanged resource's plan shares its prior attributes, unless only a mark changed") {
    Harness h;
    Stack stack = load_engine_stack(R"(
variables: { v: { type: string } }
resources: { a: { type: fake_thing, properties: { name: a, value: "${var.v}" } } }
)");
    auto engine = open_engine(stack, h.registry);
    REQUIRE(engine);
    ValueMap plain{{"v", Value("plain")}};
    auto first = engine->plan(h.state, plain);
    REQUIRE(first);
    REQUIRE(h.apply(stack, *first).ok());

    auto again = engine->plan(h.state, plain);
    REQUIRE(again);
    const ResourceChange& unchanged = change_for(*again, "a");
    CHECK(unchanged.action == Action::NoOp);
    // One copy of the attributes, not a second one per plan (read through const: a mutable
    // as_map() would take a copy of its own).
    const State& state = h.state;
    CHECK(&unchanged.after.as_map() == &state.resources.at("a").attributes.as_map());

    // The same value, now sensitive: still no change to make, but the plan keeps the mark.
    auto marked = engine->plan(h.state, ValueMap{{"v", Value("plain").mark_sensitive()}});
    REQUIRE(marked);
    const ResourceChange& remarked = change_for(*marked, "a");
    CHECK(remarked.action == Action::NoOp);
    CHECK(remarked.after.find("value")->is_sensitive());
    CHECK_FALSE(remarked.before.find("value")->is_sensitive());
}

TEST_CASE("engine: a changed optional attribute updates in place") {
    Harness h;
    REQUIRE(h.plan_and_apply(load_engine_stack(k_two_linked)).ok());
    std::string changed = k_two_linked;
    changed.replace(changed.find("value: one"), 10, "value: two");
    Stack stack = load_engine_stack(changed);
    Plan plan = h.plan(stack);
    CHECK(change_for(plan, "a").action == Action::Update);
    CHECK(change_for(plan, "b").action == Action::NoOp);
    REQUIRE(h.apply(stack, plan).ok());
    CHECK(h.call_index("update a") >= 0);
    CHECK(h.state.resources["a"].attributes.find("value")->as_string() == "two");
}

TEST_CASE("engine: a force_new change replaces, destroying first by default") {
    Harness h;
    REQUIRE(h.plan_and_apply(load_engine_stack(k_two_linked)).ok());
    std::string renamed = k_two_linked;
    renamed.replace(renamed.find("name: a,"), 8, "name: z,");
    Stack stack = load_engine_stack(renamed);
    Plan plan = h.plan(stack);
    const auto& a = change_for(plan, "a");
    CHECK(a.action == Action::DeleteThenCreate);
    CHECK(a.replace_paths == std::vector<std::string>{"name"});
    // b reads a.id, which becomes unknown, so b is updated too.
    CHECK(change_for(plan, "b").action == Action::Update);
    REQUIRE(h.apply(stack, plan).ok());
    CHECK(h.call_index("remove a") < h.call_index("create z"));
    CHECK(h.state.resources["b"].attributes.find("value")->as_string() == "from id-3");
}

TEST_CASE("engine: create_before_destroy creates the replacement first") {
    Harness h;
    const char* base = R"(
resources:
  a:
    type: fake_thing
    properties: { name: NAME }
    lifecycle: { create_before_destroy: true }
)";
    auto with_name = [&](const std::string& name) {
        std::string yaml = base;
        yaml.replace(yaml.find("NAME"), 4, name);
        return load_engine_stack(yaml);
    };
    REQUIRE(h.plan_and_apply(with_name("one")).ok());
    Stack stack = with_name("two");
    Plan plan = h.plan(stack);
    CHECK(change_for(plan, "a").action == Action::CreateThenDelete);
    REQUIRE(h.apply(stack, plan).ok());
    CHECK(h.call_index("create two") < h.call_index("remove one"));
    CHECK(h.state.resources["a"].attributes.find("name")->as_string() == "two");
}

TEST_CASE("engine: a resource removed from the stack is destroyed, dependents first on destroy") {
    Harness h;
    REQUIRE(h.plan_and_apply(load_engine_stack(k_two_linked)).ok());
    Stack only_a = load_engine_stack(R"(
resources:
  a:
    type: fake_thing
    properties: { name: a, value: one }
)");
    Plan plan = h.plan(only_a);
    CHECK(change_for(plan, "b").action == Action::Delete);
    CHECK(change_for(plan, "b").reason == ChangeReason::RemovedFromStack);
    CHECK(plan.summary().destroy == 1);

    Harness h2;
    Stack stack = load_engine_stack(k_two_linked);
    REQUIRE(h2.plan_and_apply(stack).ok());
    REQUIRE(h2.plan_and_apply(stack, true).ok());
    CHECK(h2.call_index("remove b") < h2.call_index("remove a"));
    CHECK(h2.state.resources.empty());
}

TEST_CASE("engine: refresh notices drift and objects deleted outside plinth") {
    Harness h;
    Stack stack = load_engine_stack(k_two_linked);
    REQUIRE(h.plan_and_apply(stack).ok());
    h.world->objects["id-1"].as_map()["value"] = Value("tampered");
    h.world->objects.erase("id-2");
    Plan plan = h.plan(stack);
    CHECK(change_for(plan, "a").action == Action::Update);
    CHECK(change_for(plan, "a").before.find("value")->as_string() == "tampered");
    CHECK(change_for(plan, "b").action == Action::Create);
}

TEST_CASE("engine: refresh hands back the records it changed or removed, as they were, and no others") {
    Harness h;
    Stack stack = load_engine_stack(R"(
resources:
  a:
    type: fake_thing
    properties: { name: a }
  b:
    type: fake_thing
    properties: { name: b }
  c:
    type: fake_thing
    properties: { name: c }
)");
    REQUIRE(h.plan_and_apply(stack).ok());
    REQUIRE(h.state.resources.size() == 3);
    std::string a_id = h.state.resources["a"].id;
    std::string b_id = h.state.resources["b"].id;
    h.world->objects[a_id].as_map()["name"] = Value("tampered");
    h.world->objects.erase(b_id);
    auto engine = open_engine(stack, h.registry);
    REQUIRE(engine);
    auto refreshed = engine->refresh(h.state, 4);
    REQUIRE_FALSE(refreshed.diagnostics.has_errors());
    CHECK(refreshed.gone == std::set<std::string>{"b"});
    REQUIRE(refreshed.changed.size() == 2);
    CHECK(refreshed.changed.at("a").attributes.find("name")->as_string() == "a");
    CHECK(refreshed.changed.at("b").id == b_id);
    CHECK(h.state.resources["a"].attributes.find("name")->as_string() == "tampered");
    CHECK_FALSE(h.state.resources.contains("b"));
    auto drift = detect_drift(refreshed.changed, h.state);
    REQUIRE(drift.size() == 2);
    CHECK(drift[0].address == "a");
    CHECK(drift[1].gone);
    // Nothing changed since: nothing handed back.
    CHECK(engine->refresh(h.state, 4).changed.empty());
}

TEST_CASE("engine: a failing resource stops its dependents, independent ones still apply") {
    Harness h;
    Stack stack = load_engine_stack(R"(
resources:
  bad:
    type: fake_thing
    properties: { name: bad, value: fail }
  after_bad:
    type: fake_thing
    properties: { name: after, value: "${bad.id}" }
  fine:
    type: fake_thing
    properties: { name: fine }
)");
    auto result = h.plan_and_apply(stack);
    CHECK_FALSE(result.ok());
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].summary.find("cannot create bad") != std::string::npos);
    CHECK(h.state.resources.contains("fine"));
    CHECK_FALSE(h.state.resources.contains("bad"));
    CHECK_FALSE(h.state.resources.contains("after_bad"));
    CHECK(h.call_index("create after") == -1);
    CHECK(std::count(h.journal.records.begin(), h.journal.records.end(), "remove bad") == 1);
}

TEST_CASE("engine: a cycle is reported as its path") {
    Harness h;
    Stack stack = load_engine_stack(R"(
resources:
  a:
    type: fake_thing
    properties: { name: "${b.id}" }
  b:
    type: fake_thing
    properties: { name: "${a.id}" }
)");
    auto engine = open_engine(stack, h.registry);
    REQUIRE_FALSE(engine);
    std::string summary = engine.error()[0].summary;
    CHECK(summary.find("cycle") != std::string::npos);
    CHECK((summary.find("a -> b -> a") != std::string::npos || summary.find("b -> a -> b") != std::string::npos));
}

TEST_CASE("engine: an unconfirmed create or delete left by a crash is read back") {
    Stack stack = load_engine_stack(k_two_linked);
    for (ResourceStatus unconfirmed : {ResourceStatus::Creating, ResourceStatus::Deleting}) {
        DYNAMIC_SECTION(to_string(unconfirmed)) {
            // As if the process died between journaling b's step and its end, with no object left.
            Harness h;
            REQUIRE(h.plan_and_apply(stack).ok());
            h.world->objects.erase("id-2");
            h.state.resources["b"].status = unconfirmed;
            Plan plan = h.plan(stack);
            CHECK(change_for(plan, "b").action == Action::Create);
            CHECK((change_for(plan, "b").reason == ChangeReason::CreateUnconfirmed) ==
                  (unconfirmed == ResourceStatus::Creating));

            // And with the object there, it is simply kept.
            Harness h2;
            REQUIRE(h2.plan_and_apply(stack).ok());
            h2.state.resources["b"].status = unconfirmed;
            Plan kept = h2.plan(stack);
            CHECK_FALSE(kept.has_changes());
        }
    }
}

TEST_CASE("engine: an unconfirmed update is looked for under its planned attributes, then its prior ones") {
    Stack stack = load_engine_stack(k_two_linked);
    Harness h;
    REQUIRE(h.plan_and_apply(stack).ok());
    const ResourceState applied = h.state.resources.at("b");
    Value moved = applied.attributes;
    moved.as_map()["id"] = Value("id-moved");
    moved.as_map()["value"] = Value("moved");
    auto as_if_cut_short = [&](const Value& planned) {
        ResourceState updating = applied;
        updating.status = ResourceStatus::Updating;
        updating.attributes = planned;
        updating.prior_attributes = std::make_shared<const Value>(applied.attributes);
        h.state.resources["b"] = updating;
    };

    SECTION("the update did not happen: the object is found where it was, and kept") {
        as_if_cut_short(moved);
        Plan plan = h.plan(stack);
        CHECK_FALSE(plan.has_changes());
        CHECK(h.state.resources.at("b").status == ResourceStatus::Ready);
        CHECK(h.state.resources.at("b").attributes == applied.attributes);
    }
    SECTION("the update happened, moving the object: it is found under the planned attributes") {
        {
            std::lock_guard lock(h.world->mutex);
            h.world->objects.erase(applied.attributes.find("id")->as_string());
            h.world->objects["id-moved"] = moved;
        }
        as_if_cut_short(moved);
        Plan plan = h.plan(stack);
        CHECK(change_for(plan, "b").action == Action::Update);
        CHECK(*change_for(plan, "b").before.find("id") == Value("id-moved"));
        CHECK(h.state.resources.at("b").prior_attributes == nullptr);
    }
    SECTION("the object is gone under both: it is planned again") {
        {
            std::lock_guard lock(h.world->mutex);
            h.world->objects.erase(applied.attributes.find("id")->as_string());
        }
        as_if_cut_short(moved);
        CHECK(change_for(h.plan(stack), "b").action == Action::Create);
    }
}

TEST_CASE("engine: an update journals its intent, with the prior attributes, before the provider's call") {
    Harness h;
    Stack stack = load_engine_stack(k_two_linked);
    REQUIRE(h.plan_and_apply(stack).ok());
    h.journal.records.clear();
    Stack changed = load_engine_stack(std::string(k_two_linked).replace(std::string(k_two_linked).find("one"), 3, "two"));
    REQUIRE(h.plan_and_apply(changed).ok());
    CHECK(h.journal.records == std::vector<std::string>{"put a updating", "put a ready"});
    CHECK(h.state.resources.at("a").status == ResourceStatus::Ready);
    CHECK(h.state.resources.at("a").prior_attributes == nullptr);
}

TEST_CASE("engine: a destroy journals the delete before the provider's call and its end after") {
    Harness h;
    Stack stack = load_engine_stack(k_two_linked);
    REQUIRE(h.plan_and_apply(stack).ok());
    h.journal.records.clear();
    REQUIRE(h.plan_and_apply(stack, true).ok());
    auto at = [&](const std::string& record) {
        auto it = std::find(h.journal.records.begin(), h.journal.records.end(), record);
        return it == h.journal.records.end() ? -1 : it - h.journal.records.begin();
    };
    CHECK(at("put b deleting") >= 0);
    CHECK(at("put b deleting") < at("remove b"));
    CHECK(at("put a deleting") < at("remove a"));
    CHECK(h.state.resources.empty());
}

TEST_CASE("engine: validate checks properties against the schema without state") {
    Harness h;
    Stack stack = load_engine_stack(R"(
variables:
  v: { type: string }
resources:
  a:
    type: fake_thing
    properties: { name: "${var.v}", colour: red }
  b:
    type: fake_nothing
)");
    auto engine = open_engine(stack, h.registry);
    REQUIRE(engine);
    Diagnostics problems = engine->validate();
    REQUIRE(problems.size() == 2);
    CHECK(h.world->calls.empty());
}

TEST_CASE("engine: the provider's own checks come after the schema's and point at the attribute") {
    Harness h;
    Stack stack = load_engine_stack(R"(
resources:
  a:
    type: fake_thing
    properties:
      name: a
      value: invalid
)");
    auto engine = open_engine(stack, h.registry);
    REQUIRE(engine);
    auto plan = engine->plan(h.state, {});
    REQUIRE_FALSE(plan);
    REQUIRE(plan.error().size() == 1);
    CHECK(plan.error()[0].summary == "value must not be \"invalid\"");
    CHECK(plan.error()[0].detail == "the fake says so");
    CHECK(plan.error()[0].location.line == 8);  // `value: invalid`, after the "stack:" line load_engine_stack() adds
    CHECK(h.world->calls.empty());
}

TEST_CASE("engine: prevent_destroy refuses a plan that would replace") {
    Harness h;
    REQUIRE(h.plan_and_apply(load_engine_stack("resources:\n  a:\n    type: fake_thing\n    properties: { name: one }\n")).ok());
    Stack stack = load_engine_stack(R"(
resources:
  a:
    type: fake_thing
    properties: { name: two }
    lifecycle: { prevent_destroy: true }
)");
    auto engine = open_engine(stack, h.registry);
    REQUIRE(engine);
    auto plan = engine->plan(h.state, {});
    REQUIRE_FALSE(plan);
    CHECK(plan.error()[0].summary.find("prevent_destroy") != std::string::npos);
}

TEST_CASE("engine: outputs are planned and recorded; a sensitive value needs a sensitive output") {
    Harness h;
    Stack stack = load_engine_stack(std::string(k_two_linked) + R"(
outputs:
  b_value: { value: "${b.value}" }
)");
    Plan plan = h.plan(stack);
    REQUIRE(plan.output_changes.size() == 1);
    CHECK(plan.output_changes[0].after.is_unknown());
    REQUIRE(h.apply(stack, plan).ok());
    CHECK(h.state.outputs["b_value"].value.as_string() == "from id-1");

    Harness h2;
    Stack leaky = load_engine_stack(R"(
variables:
  secret: { type: string, default: hunter2, sensitive: true }
outputs:
  leak: { value: "${var.secret}" }
)");
    auto engine = open_engine(leaky, h2.registry);
    REQUIRE(engine);
    ValueMap variables{{"secret", Value("hunter2").mark_sensitive()}};
    auto refused = engine->plan(h2.state, variables);
    REQUIRE_FALSE(refused);
    CHECK(refused.error()[0].summary.find("sensitive") != std::string::npos);
}
