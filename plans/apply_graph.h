// plans/apply_graph.h: the graph of steps an apply walks. Each change contributes an apply step
// (create, update, or the create half of a replace; no-ops too, to publish their values) and/or
// a destroy step; locals and outputs are steps too. Edges: configuration dependencies between
// apply steps; destroy steps of dependents before those of their dependencies; a replacement's
// halves in its lifecycle's order.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/graph/graph.h"
#include "plans/plan.h"
#include "plans/stack_graph.h"

namespace plinth::plans {

struct ApplyStep {
    enum class Kind { ApplyResource, DestroyResource, Local, Output };
    Kind kind;
    const ResourceChange* change = nullptr;  // for resource steps
    std::string name;                        // for locals and outputs
};

struct ApplyGraph {
    Graph graph;
    std::vector<ApplyStep> steps;  // indexed by node id
};

// `config` is null for destroy plans (no locals or outputs are evaluated then).
ApplyGraph build_apply_graph(const Plan& plan, const StackGraph* config);

}  // namespace plinth::plans
