#include "plans/engine.h"

#include <fmt/format.h>

#include "core/address.h"
#include "core/digest.h"
#include "plans/import.h"
#include "plans/import_blocks.h"
#include "plans/planner.h"
#include "plans/state_moves.h"
#include "plans/targets.h"

namespace plinth::plans {

namespace {

// Each `--replace` address must name one instance that state holds.
Diagnostics check_replace_requests(const std::vector<std::string>& replace, const State& prior) {
    Diagnostics problems;
    for (const auto& address : replace) {
        auto parsed = parse_instance_address(address);
        if (!parsed) problems.add_error(fmt::format("invalid --replace `{}`", address), parsed.error());
        else if (parsed->data) problems.add_error(fmt::format("--replace `{}`: data sources are read, not replaced", address));
        else if (!prior.resources.contains(parsed->to_string()))
            problems.add_error(fmt::format("--replace `{}`: state has no object there", address),
                               "name one instance that exists (`plinth state list`), e.g. `web` or `web[0]`");
    }
    return problems;
}

// The root's own fingerprint when it calls no module, so plans of single stacks keep theirs.
std::string tree_fingerprint(const ModuleNode& root) {
    if (root.children.empty()) return root.stack->fingerprint;
    std::string all;
    for_each_module(root, [&](const ModuleNode& module) { all += module.key() + "=" + module.stack->fingerprint + "\n"; });
    return sha256_hex(all);
}

}  // namespace

Engine::Engine(std::unique_ptr<ModuleNode> root, ConfigGraph graph, const providers::ProviderRegistry& registry,
               std::string workspace)
    : m_root(std::move(root)), m_graph(std::move(graph)), m_fingerprint(tree_fingerprint(*m_root)),
      m_workspace(std::move(workspace)),
      m_registry(&registry), m_providers(std::make_unique<ProviderSet>(registry, *m_root->stack)) {}

std::expected<Engine, Diagnostics> Engine::open(std::unique_ptr<ModuleNode> root,
                                                const providers::ProviderRegistry& registry, std::string workspace) {
    auto graph = ConfigGraph::build(*root);
    if (!graph) return std::unexpected(graph.error());
    return Engine(std::move(root), std::move(*graph), registry, std::move(workspace));
}

Diagnostics Engine::validate() {
    ValueMap unknown_variables;
    for (const auto& [name, variable] : m_root->stack->variables) {
        Value value = Value::unknown();
        if (variable.sensitive) value.mark_sensitive();
        unknown_variables.emplace(name, std::move(value));
    }
    State empty;
    PlanRequest request{*m_root, m_graph, unknown_variables, empty, false, {}, true, {}, m_workspace, {}};
    ProviderSet unconfigured(*m_registry, *m_root->stack);
    auto plan = make_plan(request, unconfigured);
    return plan ? Diagnostics{} : plan.error();
}

void Engine::configure_providers(const ValueMap& variables) { m_providers->configure_with(variables, m_workspace); }

RefreshResult Engine::refresh(State& state, std::size_t parallelism) {
    return refresh_state(state, *m_providers, parallelism);
}

std::expected<Plan, Diagnostics> Engine::plan(const State& prior, const ValueMap& variables,
                                              const PlanOptions& options) {
    Diagnostics invalid = check_targets(options.targets);
    invalid.append(check_targets(options.excludes, "--exclude"));
    invalid.append(check_replace_requests(options.replace, prior));
    if (invalid.has_errors()) return std::unexpected(invalid);
    StateEdits edits = state_edits(*m_root, prior);
    auto moves = plan_moves(edits.moved, prior);
    if (!moves) return std::unexpected(moves.error());
    // Planned against the state as the moves and imports leave it; copied only when one happens.
    std::optional<State> moved;
    if (!moves->empty()) {
        moved = prior;
        apply_moves(*moves, *moved);
    }
    std::vector<ResourceState> imports;
    if (!options.destroy) {
        auto read = read_import_blocks({*m_root, m_graph, moved ? *moved : prior, variables, m_workspace}, *m_providers);
        if (!read) return std::unexpected(read.error());
        imports = std::move(*read);
    }
    if (!imports.empty()) {
        if (!moved) moved = prior;
        for (const auto& resource : imports) moved->resources.insert_or_assign(resource.address, resource);
    }
    PlanRequest request{*m_root,
                        m_graph,
                        variables,
                        moved ? *moved : prior,
                        options.destroy,
                        options.unconfirmed_gone,
                        false,
                        {},
                        m_workspace,
                        {options.replace.begin(), options.replace.end()}};
    request.removed = std::move(edits.removed);
    auto plan = make_plan(request, *m_providers);
    if (!plan) return plan;
    plan->stack_fingerprint = m_fingerprint;
    plan->workspace = m_workspace;
    plan->moves = std::move(*moves);
    plan->imports = std::move(imports);
    if (!options.targets.empty()) restrict_to_targets(*plan, options.targets, m_graph);
    if (!options.excludes.empty()) exclude_from_plan(*plan, options.excludes, m_graph);
    return plan;
}

Plan Engine::refresh_only_plan(const State& prior, const ValueMap& variables, std::vector<Drift> drift) const {
    Plan plan;
    plan.prior_lineage = prior.lineage;
    plan.prior_serial = prior.serial;
    plan.prior_state_existed = prior.serial > 0 || !prior.resources.empty();
    plan.stack_fingerprint = m_fingerprint;
    plan.variables = variables;
    plan.workspace = m_workspace;
    plan.refresh_only = true;
    plan.drift = std::move(drift);
    return plan;
}

std::expected<ResourceState, Diagnostics> Engine::import_resource(const State& state, const std::string& address,
                                                                  const std::string& id) {
    return plans::import_resource(ImportRequest{*m_root, m_graph, state, address, id}, *m_providers);
}

ApplyResult Engine::apply(Plan plan, State& state, StateJournal& journal, ApplyObserver* observer,
                          std::size_t parallelism, const std::atomic<bool>* stop) {
    ApplyRequest request{*m_root, m_graph, plan, state, journal, observer, parallelism, stop};
    return apply_plan(request, *m_providers);
}

}  // namespace plinth::plans
