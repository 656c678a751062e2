#include <catch2/catch.hpp>

#include "plans/drift.h"
#include "plans/plan.h"
#include "plans/render_text.h"

using namespace plinth;
using namespace plinth::plans;

namespace {

ResourceState object(const std::string& address, ValueMap attributes) {
    return ResourceState{address, "local_file", "local", address, Value(std::move(attributes)), {}, ResourceStatus::Ready};
}

}  // namespace

TEST_CASE("drift: objects changed or gone between the recorded and the refreshed state") {
    State before = State::fresh();
    before.resources["same"] = object("same", {{"content", Value("x")}});
    before.resources["edited"] = object("edited", {{"content", Value("old")}, {"mode", Value("0644")}});
    before.resources["deleted"] = object("deleted", {{"content", Value("gone")}});
    State after = before;
    after.resources.at("edited").attributes = Value(ValueMap{{"content", Value("new")}, {"mode", Value("0644")}});
    after.resources.erase("deleted");

    auto drift = detect_drift(before.resources, after);
    REQUIRE(drift.size() == 2);
    CHECK(drift[0].address == "deleted");
    CHECK(drift[0].gone);
    CHECK(drift[1].address == "edited");
    CHECK_FALSE(drift[1].gone);
    CHECK(drift[1].after.find("content")->as_string() == "new");
    CHECK(detect_drift(after.resources, after).empty());

    std::string text = render_drift(drift, RenderStyle{false});
    CHECK(text.starts_with("Note: Objects have changed outside of plinth\n"));
    CHECK(text.find("  # deleted has been deleted\n  - resource \"local_file\" \"deleted\" {") != std::string::npos);
    CHECK(text.find("  # edited has changed\n  ~ resource \"local_file\" \"edited\" {\n      ~ content = \"old\" -> \"new\"") !=
          std::string::npos);
    CHECK(render_drift({}, RenderStyle{false}).empty());
}

TEST_CASE("drift: recording it brings state to what refresh read, nothing else") {
    State state = State::fresh();
    state.resources["same"] = object("same", {{"content", Value("x")}});
    state.resources["edited"] = object("edited", {{"content", Value("old")}});
    state.resources["deleted"] = object("deleted", {{"content", Value("gone")}});
    State refreshed = state;
    refreshed.resources.at("edited").attributes = Value(ValueMap{{"content", Value("new")}});
    refreshed.resources.erase("deleted");

    record_drift(state, detect_drift(state.resources, refreshed));
    CHECK(state.resources.size() == 2);
    CHECK(state.resources.at("edited").attributes == refreshed.resources.at("edited").attributes);
    CHECK(state.resources.at("same").attributes == refreshed.resources.at("same").attributes);
    CHECK(detect_drift(state.resources, refreshed).empty());
}

TEST_CASE("drift: a refresh-only plan shows the drift, or that nothing changed") {
    Plan plan;
    plan.refresh_only = true;
    CHECK_FALSE(plan.has_changes());
    CHECK(render_plan(plan, RenderStyle{false}).starts_with("No changes. Your objects still match the state."));
    plan.drift.push_back(Drift{"gone", "local_file", Value(ValueMap{{"content", Value("x")}}), Value(), true});
    CHECK(plan.has_changes());
    std::string text = render_plan(plan, RenderStyle{false});
    CHECK(text.find("  # gone has been deleted") != std::string::npos);
    CHECK(text.find("This is a refresh-only plan") != std::string::npos);
}
