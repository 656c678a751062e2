#include "plans/engine.h"

#include "plans/planner.h"

namespace plinth::plans {

Engine::Engine(const Stack& stack, StackGraph graph, const providers::ProviderRegistry& registry)
    : m_stack(&stack), m_graph(std::move(graph)), m_providers(std::make_unique<ProviderSet>(registry)) {}

std::expected<Engine, Diagnostics> Engine::open(const Stack& stack, const providers::ProviderRegistry& registry) {
    auto graph = StackGraph::build(stack);
    if (!graph) return std::unexpected(graph.error());
    return Engine(stack, std::move(*graph), registry);
}

Diagnostics Engine::validate() {
    ValueMap unknown_variables;
    for (const auto& [name, variable] : m_stack->variables) {
        Value value = Value::unknown();
        if (variable.sensitive) value.mark_sensitive();
        unknown_variables.emplace(name, std::move(value));
    }
    State empty;
    auto plan = make_plan(PlanRequest{*m_stack, m_graph, unknown_variables, empty, false, {}}, *m_providers);
    return plan ? Diagnostics{} : plan.error();
}

RefreshResult Engine::refresh(State& state, std::size_t parallelism) {
    return refresh_state(state, *m_providers, parallelism);
}

std::expected<Plan, Diagnostics> Engine::plan(const State& prior, const ValueMap& variables, bool destroy,
                                              const std::set<std::string>& unconfirmed_gone) {
    return make_plan(PlanRequest{*m_stack, m_graph, variables, prior, destroy, unconfirmed_gone}, *m_providers);
}

ApplyResult Engine::apply(const Plan& plan, State& state, StateJournal& journal, ApplyObserver* observer,
                          std::size_t parallelism, const std::atomic<bool>* stop) {
    ApplyRequest request{*m_stack, m_graph, plan, state, journal, observer, parallelism, stop};
    return apply_plan(request, *m_providers);
}

}  // namespace plinth::plans
