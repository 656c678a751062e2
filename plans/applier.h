// plans/applier.h: applying a plan: a graph of steps (apply and destroy halves of each change,
// plus locals and outputs) walked in parallel in dependency order. Each step re-evaluates its
// resource with the now-known values, checks the provider's final plan against the saved one,
// calls the provider, and records the result in the journal the moment it returns.
#pragma once

#include <atomic>
#include <cstddef>

#include "core/diagnostics.h"
#include "core/stack/stack.h"
#include "core/state/backend.h"
#include "core/state/state.h"
#include "plans/apply_observer.h"
#include "plans/plan.h"
#include "plans/provider_set.h"
#include "plans/stack_graph.h"

namespace plinth::plans {

struct ApplyRequest {
    const Stack& stack;
    const StackGraph& graph;
    const Plan& plan;
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
