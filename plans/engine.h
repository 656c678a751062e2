// plans/engine.h: the engine facade with three verbs, validate, plan and apply, each returning
// diagnostics beside its result. The CLI orchestrates (locks, state I/O, prompts, output); the
// engine never prints.
#pragma once

#include <atomic>
#include <expected>
#include <memory>
#include <set>

#include "core/diagnostics.h"
#include "core/stack/stack.h"
#include "core/state/backend.h"
#include "core/state/state.h"
#include "plans/applier.h"
#include "plans/plan.h"
#include "plans/provider_set.h"
#include "plans/refresh.h"
#include "plans/stack_graph.h"
#include "providers/registry.h"

namespace plinth::plans {

class Engine {
public:
    // Builds the stack's graph; a cycle or a dangling reference is an error.
    static std::expected<Engine, Diagnostics> open(const Stack& stack, const providers::ProviderRegistry& registry);

    // Type-checks every resource against its provider's schema with variables unknown, touching
    // nothing outside plinth.
    Diagnostics validate();

    // Reads every object in `state` back through its provider.
    RefreshResult refresh(State& state, std::size_t parallelism);

    // `prior` should already be refreshed. With `destroy`, plans the removal of everything.
    std::expected<Plan, Diagnostics> plan(const State& prior, const ValueMap& variables, bool destroy,
                                          const std::set<std::string>& unconfirmed_gone = {});

    ApplyResult apply(const Plan& plan, State& state, StateJournal& journal, ApplyObserver* observer,
                      std::size_t parallelism, const std::atomic<bool>* stop);

    const StackGraph& graph() const { return m_graph; }

private:
    Engine(const Stack& stack, StackGraph graph, const providers::ProviderRegistry& registry);

    const Stack* m_stack;
    StackGraph m_graph;
    std::unique_ptr<ProviderSet> m_providers;
};

}  // namespace plinth::plans
