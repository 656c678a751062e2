// plans/apply_graph.h: the graph of steps an apply walks. Every configuration node is a step
// (variables, locals, module calls and outputs are evaluated again with applied values); a
// resource or data source node becomes a pair of steps, its start (instances expanded, data read)
// and its end (deferred instances applied), with one step per planned instance between them
// (create, update, the create half of a replace; no-ops too, to publish their values). Destroy
// steps of dependents come before those of their dependencies; a replacement's halves follow its
// lifecycle's order.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/graph/graph.h"
#include "plans/config_graph.h"
#include "plans/plan.h"

namespace plinth::plans {

struct ApplyStep {
    enum class Kind { Config, BlockStart, BlockEnd, ApplyInstance, DestroyInstance };
    Kind kind;
    const ConfigNode* node = nullptr;        // Config, BlockStart, BlockEnd, ApplyInstance
    // Instance steps: the change. Of a replacement's two halves, the one that runs second owns
    // it; the applier lets go of it once that step has run, so a change is freed as soon as its
    // last step is done.
    ResourceChange* change = nullptr;
    std::unique_ptr<ResourceChange> owned;
};

struct ApplyGraph {
    Graph graph;
    std::vector<ApplyStep> steps;  // indexed by node id
};

// Takes the plan's resource changes: each moves into its steps and `plan.changes` is left empty
// (the rest of the plan is untouched). `config` is null for destroy plans (nothing is evaluated
// then).
ApplyGraph build_apply_graph(Plan& plan, const ConfigGraph* config);

// The config address of an instance address ("module.net[\"a\"].web[0]" -> "module.net.web").
std::string config_address_of(const std::string& instance_address);

}  // namespace plinth::plans
