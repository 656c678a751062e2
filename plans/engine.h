// plans/engine.h: the engine facade with three verbs, validate, plan and apply, each returning
// diagnostics beside its result, over a loaded module tree. The CLI orchestrates (locks, state
// I/O, prompts, output); the engine never prints.
#pragma once

#include <atomic>
#include <expected>
#include <memory>
#include <set>

#include "core/diagnostics.h"
#include "core/stack/module_tree.h"
#include "core/state/backend.h"
#include "core/state/state.h"
#include "plans/applier.h"
#include "plans/config_graph.h"
#include "plans/plan.h"
#include "plans/provider_set.h"
#include "plans/refresh.h"
#include "providers/registry.h"

namespace plinth::plans {

// What a plan is asked for beyond the stack and state.
struct PlanOptions {
    bool destroy = false;  // plan the removal of everything
    std::set<std::string> unconfirmed_gone;  // unconfirmed creates refresh found gone
    // Only these objects and what they need, or everything but these and what needs them
    // (see plans/targets.h).
    std::vector<std::string> targets;
    std::vector<std::string> excludes;
    std::vector<std::string> replace;  // instances in state to replace though nothing forces it
};

class Engine {
public:
    // Builds the configuration graph; a cycle is an error.
    // `workspace` is what `plinth.workspace` reads, and what plans record.
    static std::expected<Engine, Diagnostics> open(std::unique_ptr<ModuleNode> root,
                                                   const providers::ProviderRegistry& registry,
                                                   std::string workspace = k_default_workspace);

    // Type-checks every resource against its provider's schema with variables unknown, touching
    // nothing outside plinth (providers stay unconfigured, data sources are not read).
    Diagnostics validate();

    // Providers used from now on are configured with their `providers:` settings evaluated from
    // `variables`. Call it before refresh, plan and apply.
    void configure_providers(const ValueMap& variables);

    // Reads every object in `state` back through its provider.
    RefreshResult refresh(State& state, std::size_t parallelism);

    // `prior` should already be refreshed.
    std::expected<Plan, Diagnostics> plan(const State& prior, const ValueMap& variables,
                                          const PlanOptions& options = {});

    // A plan that only records `drift` (found refreshing `prior`) in state: `plan --refresh-only
    // --out`, saved and applied like any plan.
    Plan refresh_only_plan(const State& prior, const ValueMap& variables, std::vector<Drift> drift) const;

    // Adopts the object `id` into `address` (see plans/import.h); the caller records it in state.
    std::expected<ResourceState, Diagnostics> import_resource(const State& state, const std::string& address,
                                                             const std::string& id);

    // Consumes the plan: each change's planned values are let go once applied, so the new state
    // does not sit beside a second copy of itself.
    ApplyResult apply(Plan plan, State& state, StateJournal& journal, ApplyObserver* observer,
                      std::size_t parallelism, const std::atomic<bool>* stop);

    const ModuleNode& root() const { return *m_root; }
    const ConfigGraph& graph() const { return m_graph; }
    // sha256 over every module's files: a saved plan records it and apply checks it.
    const std::string& fingerprint() const { return m_fingerprint; }
    const std::string& workspace() const { return m_workspace; }

private:
    Engine(std::unique_ptr<ModuleNode> root, ConfigGraph graph, const providers::ProviderRegistry& registry,
           std::string workspace);

    std::unique_ptr<ModuleNode> m_root;
    ConfigGraph m_graph;
    std::string m_fingerprint;
    std::string m_workspace;
    const providers::ProviderRegistry* m_registry;
    std::unique_ptr<ProviderSet> m_providers;
};

}  // namespace plinth::plans
