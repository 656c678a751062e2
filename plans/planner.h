// plans/planner.h: making a plan: every declared resource evaluated in dependency order against
// the (refreshed) prior state, planned through its provider and diffed into an action; resources
// no longer declared planned for deletion; outputs evaluated with what is known before apply.
#pragma once

#include <expected>
#include <set>
#include <string>

#include "core/diagnostics.h"
#include "core/stack/stack.h"
#include "core/state/state.h"
#include "plans/plan.h"
#include "plans/provider_set.h"
#include "plans/stack_graph.h"

namespace plinth::plans {

struct PlanRequest {
    const Stack& stack;
    const StackGraph& graph;
    const ValueMap& variables;
    const State& prior;  // already refreshed, when refreshing
    bool destroy = false;
    // Unconfirmed creates that refresh found gone, so the plan can say why they are created.
    std::set<std::string> unconfirmed_gone;
};

std::expected<Plan, Diagnostics> make_plan(const PlanRequest& request, ProviderSet& providers);

}  // namespace plinth::plans
