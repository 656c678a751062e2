// plans/applier.h: applying a plan: a graph of steps (see apply_graph.h) walked in parallel in
// dependency order. Each instance step re-evaluates its resource with the now-known values, checks
// the provider's final plan against the saved one, calls the provider, and records the result in
// the journal the moment it returns. Blocks whose count/for_each was unknown at plan time are
// expanded and applied once their inputs exist; deferred data sources are read then too.
#pragma once

#include <atomic>
#include <cstddef>

#include "core/diagnostics.h"
#include "core/stack/module_tree.h"
#include "core/state/backend.h"
#include "core/state/state.h"
#include "plans/apply_observer.h"
#include "plans/config_graph.h"
#include "plans/plan.h"
#include "plans/provider_set.h"

namespace plinth::plans {

struct ApplyRequest {
    const ModuleNode& root;
    const ConfigGraph& graph;
    Plan& plan;  // its resource changes move into the apply's steps, each freed once its steps have run
    State& state;  // updated in place as steps complete
    StateJournal& journal;
    ApplyObserver* observer = nullptr;
    std::size_t parallelism = 10;
    const std::atomic<bool>* stop = nullptr;  // set on interrupt: no new steps start
};

struct ApplyResult {
    Diagnostics diagnostics;
    Plan::Summary done;        // what was actually added, changed, destroyed
    bool interrupted = false;  // stopped before every step ran
    bool ok() const { return !diagnostics.has_errors() && !interrupted; }
};

ApplyResult apply_plan(const ApplyRequest& request, ProviderSet& providers);

}  // namespace plinth::plans
