// build_apply_graph: the steps own the plan's changes; for destroy plans, which destroy steps wait
// for which. Dependencies are
// recorded as config addresses; inside one module call a dependent's destroy waits only for its
// own module instance's objects, and nothing else is narrowed.
#include <catch2/catch.hpp>

#include <algorithm>

#include "plans/apply_graph.h"

using namespace plinth;
using namespace plinth::plans;

namespace {

ResourceChange destroy_change(std::string address, std::vector<std::string> dependencies = {}) {
    ResourceChange change;
    change.address = std::move(address);
    change.type = "null_resource";
    change.provider = "null";
    change.action = Action::Delete;
    change.dependencies = std::move(dependencies);
    return change;
}

// A destroy plan of `changes` (its apply graph has no configuration to evaluate).
Plan destroy_plan(ResourceChanges changes) {
    Plan plan;
    plan.destroy = true;
    plan.changes = std::move(changes);
    return plan;
}

// The destroy steps that `address`'s destroy step waits for, by address.
std::vector<std::string> destroy_waits_for(const ApplyGraph& graph, const std::string& address) {
    std::vector<std::string> found;
    for (Graph::NodeId id = 0; id < graph.steps.size(); ++id) {
        if (graph.steps[id].change == nullptr || graph.steps[id].change->address != address) continue;
        for (Graph::NodeId other : graph.graph.dependencies(id)) found.push_back(graph.steps[other].change->address);
    }
    std::ranges::sort(found);
    return found;
}

}  // namespace

TEST_CASE("apply_graph: a module instance's objects are destroyed after its own dependents only") {
    Plan plan = destroy_plan({
        destroy_change(R"(module.app["a"].db)"),
        destroy_change(R"(module.app["a"].web)", {"module.app.db"}),
        destroy_change(R"(module.app["b"].db)"),
        destroy_change(R"(module.app["b"].web)", {"module.app.db"}),
    });
    ApplyGraph graph = build_apply_graph(plan, nullptr);
    REQUIRE(graph.steps.size() == 4);
    // db in instance "a" waits for web in "a", never for web in "b".
    CHECK(destroy_waits_for(graph, R"(module.app["a"].db)") == std::vector<std::string>{R"(module.app["a"].web)"});
    CHECK(destroy_waits_for(graph, R"(module.app["b"].db)") == std::vector<std::string>{R"(module.app["b"].web)"});
    CHECK(destroy_waits_for(graph, R"(module.app["a"].web)").empty());
    // Two instances: 2 edges, not 4 (for N instances, N and not N x N).
    std::size_t edges = 0;
    for (Graph::NodeId id = 0; id < graph.graph.size(); ++id) edges += graph.graph.dependencies(id).size();
    CHECK(edges == 2);
}

TEST_CASE("apply_graph: outside one module call a dependent waits for every instance") {
    Plan plan = destroy_plan({
        destroy_change("net[0]"),
        destroy_change("net[1]"),
        destroy_change("web", {"net"}),
        destroy_change(R"(module.app["a"].db)"),
        destroy_change(R"(module.app["b"].db)"),
        destroy_change("monitor", {"module.app.db"}),
    });
    ApplyGraph graph = build_apply_graph(plan, nullptr);
    CHECK(destroy_waits_for(graph, "net[0]") == std::vector<std::string>{"web"});
    CHECK(destroy_waits_for(graph, "net[1]") == std::vector<std::string>{"web"});
    CHECK(destroy_waits_for(graph, R"(module.app["a"].db)") == std::vector<std::string>{"monitor"});
    CHECK(destroy_waits_for(graph, R"(module.app["b"].db)") == std::vector<std::string>{"monitor"});
}

TEST_CASE("apply_graph: a dependent in a module instance whose dependency has no object there waits for none") {
    Plan plan = destroy_plan({
        destroy_change(R"(module.app["a"].db)"),
        destroy_change(R"(module.app["b"].web)", {"module.app.db"}),
    });
    ApplyGraph graph = build_apply_graph(plan, nullptr);
    CHECK(destroy_waits_for(graph, R"(module.app["a"].db)").empty());
}

TEST_CASE("apply_graph: the steps take the plan's changes; a replacement's second half owns its one") {
    Plan plan;
    plan.changes = {destroy_change("gone"), destroy_change("renewed"), destroy_change("swapped")};
    plan.changes[1].action = Action::DeleteThenCreate;
    plan.changes[2].action = Action::CreateThenDelete;
    ApplyGraph graph = build_apply_graph(plan, nullptr);
    CHECK(plan.changes.empty());
    REQUIRE(graph.steps.size() == 5);
    // Steps in the plan's order, each change's destroy step first.
    CHECK(graph.steps[0].owned.get() == graph.steps[0].change);
    CHECK(graph.steps[0].change->address == "gone");
    // Delete, then create: the create half runs second and owns the change.
    CHECK(graph.steps[1].kind == ApplyStep::Kind::DestroyInstance);
    CHECK(graph.steps[2].kind == ApplyStep::Kind::ApplyInstance);
    CHECK(graph.steps[1].change == graph.steps[2].change);
    CHECK(graph.steps[1].owned == nullptr);
    CHECK(graph.steps[2].owned.get() == graph.steps[2].change);
    REQUIRE(graph.graph.dependents(1).size() == 1);
    CHECK(graph.graph.dependents(1)[0] == 2);
    // Create, then delete: the destroy half runs second and owns it.
    CHECK(graph.steps[3].kind == ApplyStep::Kind::DestroyInstance);
    CHECK(graph.steps[3].change->address == "swapped");
    CHECK(graph.steps[3].owned.get() == graph.steps[3].change);
    CHECK(graph.steps[4].owned == nullptr);
    REQUIRE(graph.graph.dependents(4).size() == 1);
    CHECK(graph.graph.dependents(4)[0] == 3);
}
