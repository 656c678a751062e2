// plans/planner.h: making a plan: the configuration graph walked in dependency order; module calls,
// resources and data sources expanded into instances; each resource instance evaluated against
// the (refreshed) prior state, planned through its provider and diffed into an action; data
// sources read (or deferred to apply when their configuration is not known yet); instances no
// longer declared planned for deletion; outputs evaluated with what is known before apply.
#pragma once

#include <expected>
#include <set>
#include <string>

#include "core/diagnostics.h"
#include "core/stack/module_tree.h"
#include "core/state/state.h"
#include "plans/config_graph.h"
#include "plans/plan.h"
#include "plans/provider_set.h"

namespace plinth::plans {

struct PlanRequest {
    const ModuleNode& root;
    const ConfigGraph& graph;
    const ValueMap& variables;
    const State& prior;  // already refreshed, when refreshing
    bool destroy = false;
    // Unconfirmed creates that refresh found gone, so the plan can say why they are created.
    std::set<std::string> unconfirmed_gone;
    // Checking only (`validate`): nothing outside plinth is read, and blocks whose instances are
    // not known are checked as one instance with unknown `count`/`each`.
    bool validating = false;
    // `removed:` entries of the whole tree, absolute (see plans/state_moves.h).
    std::vector<RemovedDecl> removed;
    std::string workspace = k_default_workspace;  // `plinth.workspace`
    // `--replace`: instances to replace even though nothing forces it (each is in `prior`).
    std::set<std::string> replace;
};

std::expected<Plan, Diagnostics> make_plan(const PlanRequest& request, ProviderSet& providers);

}  // namespace plinth::plans
