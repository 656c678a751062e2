#include "plans/applier.h"

#include <fmt/format.h>
#include <mutex>
#include <optional>
#include <set>

#include "core/graph/walker.h"
#include "core/value_path.h"
#include "plans/apply_graph.h"
#include "plans/attribute_location.h"
#include "plans/conditions.h"
#include "plans/conformance.h"
#include "plans/expansion.h"
#include "plans/module_instances.h"

namespace plinth::plans {

namespace {

using Clock = std::chrono::steady_clock;

class Applier {
public:
    Applier(const ApplyRequest& request, ProviderSet& providers)
        : m_request(request), m_providers(providers) {
        // A destroy plan evaluates nothing: without scopes it does not hold a slot for every
        // block's value.
        if (!request.plan.destroy) m_instances.emplace(request.root, request.plan.variables, request.plan.workspace);
        for (const auto& read : request.plan.data_reads) m_data_reads.emplace(read.address, &read);
        for (const auto& block : request.plan.deferred) m_deferred.insert(block.address);
    }

    ApplyResult run();

private:
    bool visit(ApplyStep& step);
    bool visit_instance(const ApplyStep& step);
    bool visit_config(const ConfigNode& node);
    bool start_block(const ConfigNode& node);
    bool start_data(ModuleScope& scope, const ResourceDecl& decl, const Expansion& expansion);
    bool end_block(const ConfigNode& node);
    bool apply_instance(const ConfigNode& node, const ResourceChange& change);
    bool apply_deferred_instance(ModuleScope& scope, const ResourceDecl& decl, const Instance& instance);
    bool destroy_instance(const ResourceChange& change);
    bool call_provider(providers::Provider& provider, const ResourceChange& change, const ResourceDecl& decl,
                       const Value& planned, InstanceScope& scope, const InstanceKey& key);
    void apply_state_moves();
    void adopt_refreshed_prior();
    void remove_dropped_outputs();

    std::expected<Value, Diagnostic> final_plan(const ResourceChange& change, const ResourceDecl& decl,
                                                const InstanceScope& scope, providers::Provider& provider);
    void record(ResourceState resource);
    void forget(const std::string& address);
    // The resource state holds at `address` now, if any.
    std::optional<ResourceState> recorded_resource(const std::string& address);
    bool fail(const ResourceChange& change, StepKind step, Diagnostic error);
    // True when `diagnostics` holds no error; errors go to the result.
    bool report(Diagnostics diagnostics);

    const ApplyRequest& m_request;
    ProviderSet& m_providers;
    std::optional<ModuleInstances> m_instances;  // not for a destroy plan
    ModuleInstances& instances() { return *m_instances; }
    std::map<std::string, const DataRead*> m_data_reads;  // by address
    std::set<std::string> m_deferred;                     // block addresses
    std::mutex m_mutex;  // guards m_request.state, m_result and m_repetitions
    std::map<std::string, Value> m_repetitions;  // `count`/`each` of each instance, by address
    ApplyResult m_result;
};

ApplyResult Applier::run() {
    apply_state_moves();
    adopt_refreshed_prior();
    const ConfigGraph* config = m_request.plan.destroy ? nullptr : &m_request.graph;
    ApplyGraph steps = build_apply_graph(m_request.plan, config);
    WalkResult walked = walk_graph(steps.graph, m_request.parallelism,
                                   [&](Graph::NodeId id) { return visit(steps.steps[id]); }, m_request.stop);
    m_result.interrupted = m_request.stop && m_request.stop->load() && !walked.skipped.empty();
    if (m_result.ok() && !m_request.plan.narrowed()) remove_dropped_outputs();
    return std::move(m_result);
}

// `moved:` renames, `removed:` forgets and `import:` adoptions, journaled like any other change of
// state.
void Applier::apply_state_moves() {
    for (const auto& move : m_request.plan.moves) {
        auto it = m_request.state.resources.find(move.from);
        if (it == m_request.state.resources.end()) continue;
        ResourceState resource = it->second;
        resource.address = move.to;
        forget(move.from);
        record(std::move(resource));
    }
    for (const auto& address : m_request.plan.forgets) forget(address);
    for (const auto& resource : m_request.plan.imports) record(resource);
}

// The plan's prior values are the refreshed ones; make state agree before steps start.
void Applier::adopt_refreshed_prior() {
    for (const auto& change : m_request.plan.changes) {
        auto it = m_request.state.resources.find(change.address);
        if (change.before.is_null()) {
            if (it != m_request.state.resources.end()) m_request.state.resources.erase(it);
            continue;
        }
        if (it == m_request.state.resources.end()) continue;
        it->second.attributes = change.before;
        if (it->second.status != ResourceStatus::Tainted) {
            it->second.status = ResourceStatus::Ready;
            it->second.prior_attributes = nullptr;
        }
    }
}

bool Applier::visit(ApplyStep& step) {
    switch (step.kind) {
    case ApplyStep::Kind::Config: return visit_config(*step.node);
    case ApplyStep::Kind::BlockStart: return start_block(*step.node);
    case ApplyStep::Kind::BlockEnd: return end_block(*step.node);
    case ApplyStep::Kind::ApplyInstance:
    case ApplyStep::Kind::DestroyInstance: {
        bool done = visit_instance(step);
        // Applied or failed, the change is of no further use once its last step has run (state
        // has its own values): letting go of it frees the plan's copy of every object as the new
        // state grows.
        step.owned.reset();
        return done;
    }
    }
    return false;
}

bool Applier::visit_instance(const ApplyStep& step) {
    if (step.kind == ApplyStep::Kind::DestroyInstance) return destroy_instance(*step.change);
    if (!step.node)
        return report(Diagnostics(make_error(fmt::format("{} is no longer declared; plan again", step.change->address))));
    return apply_instance(*step.node, *step.change);
}

bool Applier::visit_config(const ConfigNode& node) {
    const ModuleNode& module = *node.module;
    switch (node.kind) {
    case NodeKind::Variable: return report(instances().set_input_variable(module, node.name));
    case NodeKind::ModuleCall: return report(instances().expand_call(module, node.name));
    case NodeKind::Local:
        for (ModuleScope* scope : instances().of(module)) {
            auto value = scope->evaluate(*module.stack->locals.at(node.name).value);
            if (!value) return report(value.error());
            scope->set_local(node.name, std::move(*value));
        }
        return true;
    case NodeKind::Output: {
        if (!module.is_root()) return report(instances().publish_output(module, node.name));
        if (m_request.plan.narrowed()) return true;  // a targeted apply leaves outputs alone
        const OutputDecl& decl = module.stack->outputs.at(node.name);
        auto value = instances().root().evaluate(*decl.value);
        if (!value) return report(value.error());
        if (decl.sensitive) value->mark_sensitive();
        std::lock_guard lock(m_mutex);
        m_request.state.outputs[node.name] = OutputState{std::move(*value), decl.sensitive};
        return true;
    }
    case NodeKind::Resource:
    case NodeKind::Data: break;
    }
    return false;
}

// Expands the block in every instance of its module, so instance steps find their `count`/`each`
// and the block's container exists; data sources are read here.
bool Applier::start_block(const ConfigNode& node) {
    const ResourceDecl& decl = node.resource();
    bool ok = true;
    for (ModuleScope* scope : instances().of(*node.module)) {
        InstanceAddress block{scope->path(), decl.mode == ResourceMode::Data, decl.name, {}};
        if (m_deferred.contains(block.to_string())) continue;
        auto expansion = expand(decl.repetition, [&](const expr::Expression& e) { return scope->evaluate(e); });
        if (!expansion) return report(expansion.error());
        scope->set_block(decl, expansion->container(decl.repetition));
        if (decl.mode == ResourceMode::Data) {
            ok = start_data(*scope, decl, *expansion) && ok;
            continue;
        }
        std::lock_guard lock(m_mutex);
        for (const auto& instance : expansion->instances) {
            InstanceAddress address = block;
            address.key = instance.key;
            m_repetitions[address.to_string()] = instance.repetition;
        }
    }
    return ok;
}

// Data sources read at plan time keep that result; deferred ones are read now.
bool Applier::start_data(ModuleScope& scope, const ResourceDecl& decl, const Expansion& expansion) {
    for (const auto& instance : expansion.instances) {
        InstanceAddress address{scope.path(), true, decl.name, instance.key};
        std::string text = address.to_string();
        auto planned = m_data_reads.find(text);
        if (planned != m_data_reads.end() && !planned->second->deferred) {
            scope.set_block_instance(decl, instance.key, planned->second->result);
            continue;
        }
        InstanceScope instance_scope(scope, instance.repetition);
        auto config = instance_scope.evaluate(*decl.properties);
        if (!config) return report(config.error());
        auto provider = m_providers.get(effective_provider(scope.module(), decl.provider), decl.location);
        if (!provider) return report(Diagnostics(provider.error()));
        auto result = (*provider)->read_data(decl.type, *config);
        if (!result)
            return report(Diagnostics(
                provider_diagnostic(text, result.error(), attribute_location(decl, result.error().attribute))));
        scope.set_block_instance(decl, instance.key, std::move(*result));
    }
    return true;
}

// A block deferred at plan time: expanded now that its count/for_each can be known, each instance
// planned and created in turn.
bool Applier::end_block(const ConfigNode& node) {
    const ResourceDecl& decl = node.resource();
    for (ModuleScope* scope : instances().of(*node.module)) {
        InstanceAddress block{scope->path(), decl.mode == ResourceMode::Data, decl.name, {}};
        if (!m_deferred.contains(block.to_string())) continue;
        auto expansion = expand(decl.repetition, [&](const expr::Expression& e) { return scope->evaluate(e); });
        if (!expansion) return report(expansion.error());
        if (!expansion->known) {
            const auto& expression = decl.repetition.count ? *decl.repetition.count : *decl.repetition.for_each;
            return report(Diagnostics(make_error(fmt::format("the instances of `{}` are still not known after applying "
                                                           "what they depend on",
                                                           block.to_string()),
                                               {}, expr::location_of(expression))));
        }
        scope->set_block(decl, expansion->container(decl.repetition));
        if (decl.mode == ResourceMode::Data) {
            if (!start_data(*scope, decl, *expansion)) return false;
            continue;
        }
        for (const auto& instance : expansion->instances)
            if (!apply_deferred_instance(*scope, decl, instance)) return false;
    }
    return true;
}

bool Applier::apply_deferred_instance(ModuleScope& scope, const ResourceDecl& decl, const Instance& instance) {
    InstanceAddress address{scope.path(), false, decl.name, instance.key};
    ResourceChange change;
    change.address = address.to_string();
    change.type = decl.type;
    change.provider = effective_provider(scope.module(), decl.provider);
    change.action = Action::Create;
    change.dependencies = m_request.graph.resource_dependencies(address.config_address());
    InstanceScope instance_scope(scope, instance.repetition);
    auto provider = m_providers.get(change.provider, decl.location);
    if (!provider) return fail(change, StepKind::Apply, provider.error());
    auto desired = instance_scope.evaluate(*decl.properties);
    if (!desired) return report(desired.error());
    {
        std::lock_guard lock(m_mutex);
        if (auto it = m_request.state.resources.find(change.address); it != m_request.state.resources.end()) {
            // Already there (an earlier run created it): keep it as the prior object.
            change.before = it->second.attributes;
        }
    }
    auto planned = (*provider)->plan(decl.type, change.before.is_null() ? nullptr : &change.before, *desired);
    if (!planned)
        return fail(change, StepKind::Apply,
                    provider_diagnostic(change.address, planned.error(),
                                        attribute_location(decl, planned.error().attribute)));
    if (!change.before.is_null()) {
        change.action = planned->requires_replace.empty()
                            ? (planned->planned == change.before ? Action::NoOp : Action::Update)
                            : Action::DeleteThenCreate;
    }
    change.after = planned->planned;
    if (change.action == Action::NoOp) {
        scope.set_block_instance(decl, instance.key, change.before);
        return true;
    }
    if (change.action == Action::DeleteThenCreate && !destroy_instance(change)) return false;
    if (change.action == Action::DeleteThenCreate) change.action = Action::Create;
    return call_provider(**provider, change, decl, change.after, instance_scope, instance.key);
}

std::expected<Value, Diagnostic> Applier::final_plan(const ResourceChange& change, const ResourceDecl& decl,
                                                     const InstanceScope& scope, providers::Provider& provider) {
    auto desired = scope.evaluate(*decl.properties);
    if (!desired) return std::unexpected(desired.error()[0]);
    bool in_place = change.action == Action::Update;
    const Value* prior = in_place ? &change.before : nullptr;
    auto planned = provider.plan(change.type, prior, *desired);
    if (!planned)
        return std::unexpected(provider_diagnostic(change.address, planned.error(),
                                                   attribute_location(decl, planned.error().attribute)));
    if (auto mismatch = find_nonconformance(change.after, planned->planned)) {
        return std::unexpected(make_error(
            fmt::format("{}: provider produced an inconsistent final plan", change.address),
            fmt::format("`{}` was planned as {} but is now {}. This is a bug in the provider or a value "
                        "changed between plan and apply; plan again.",
                        mismatch->path, mismatch->planned, mismatch->actual),
            decl.location));
    }
    return std::move(planned->planned);
}

bool Applier::apply_instance(const ConfigNode& node, const ResourceChange& change) {
    auto address = parse_instance_address(change.address);
    ModuleScope* scope = address ? instances().find(address->module) : nullptr;
    if (!scope) return report(Diagnostics(make_error(fmt::format("{}: its module instance no longer exists", change.address))));
    const ResourceDecl& decl = node.resource();
    if (change.action == Action::NoOp) {
        scope->set_block_instance(decl, address->key, change.before);
        return true;
    }
    Value repetition;
    {
        std::lock_guard lock(m_mutex);
        if (auto it = m_repetitions.find(change.address); it != m_repetitions.end()) repetition = it->second;
    }
    InstanceScope instance_scope(*scope, repetition);
    auto provider = m_providers.get(change.provider, decl.location);
    if (!provider) return fail(change, StepKind::Apply, provider.error());
    auto planned = final_plan(change, decl, instance_scope, **provider);
    if (!planned) return fail(change, StepKind::Apply, planned.error());
    if (!report(check_conditions(decl.lifecycle().preconditions, instance_scope, change.address, "precondition")))
        return false;
    return call_provider(**provider, change, decl, *planned, instance_scope, address->key);
}

// Creates or updates one instance, journaling the intent first and the result when it returns. The
// intent (status creating, or updating with the prior attributes beside the planned ones) lets
// the refresh after a crash find the object whether or not the provider's call took effect, even
// when an update changes what identifies the object (a renamed schema).
bool Applier::call_provider(providers::Provider& provider, const ResourceChange& change, const ResourceDecl& decl,
                            const Value& planned, InstanceScope& scope, const InstanceKey& key) {
    if (m_request.observer) m_request.observer->on_start(change, StepKind::Apply);
    auto started = Clock::now();
    bool creating = change.action != Action::Update;
    ResourceState resource{change.address, change.type, change.provider, {}, planned, change.dependencies,
                           creating ? ResourceStatus::Creating : ResourceStatus::Updating};
    if (!creating) resource.prior_attributes = std::make_shared<const Value>(change.before);
    std::optional<ResourceState> previous = recorded_resource(change.address);
    record(resource);  // intent first: a crash now still leaves a trace to refresh
    resource.prior_attributes = nullptr;
    auto result = creating ? provider.create(change.type, planned) : provider.update(change.type, change.before, planned);
    if (!result) {
        previous ? record(*previous) : forget(change.address);
        auto location = attribute_location(decl, result.error().attribute);
        return fail(change, StepKind::Apply, provider_diagnostic(change.address, result.error(), location));
    }
    resource.attributes = std::move(*result);
    mark_sensitive_paths(resource.attributes, sensitive_paths(planned));
    resource.id = provider.id_of(change.type, resource.attributes);
    resource.status = ResourceStatus::Ready;
    scope.base().set_block_instance(decl, key, resource.attributes);
    std::string id = resource.id;
    InstanceScope with_self(scope.base(), scope.repetition(), &resource.attributes);
    Diagnostics postconditions = check_conditions(decl.lifecycle().postconditions, with_self, change.address, "postcondition");
    record(std::move(resource));
    if (postconditions.has_errors()) {
        if (m_request.observer) m_request.observer->on_failed(change, StepKind::Apply, postconditions[0]);
        return report(std::move(postconditions));
    }
    {
        std::lock_guard lock(m_mutex);
        creating ? ++m_result.done.add : ++m_result.done.change;
    }
    if (m_request.observer) m_request.observer->on_complete(change, StepKind::Apply, Clock::now() - started, id);
    return true;
}

bool Applier::destroy_instance(const ResourceChange& change) {
    auto provider = m_providers.get(change.provider);
    if (!provider) return fail(change, StepKind::Destroy, provider.error());
    if (m_request.observer) m_request.observer->on_start(change, StepKind::Destroy);
    auto started = Clock::now();
    // Journaled first, so a crash between the provider's delete and its record below leaves state
    // saying "deletion unconfirmed" rather than naming an object that is gone. With
    // create_before_destroy the new object already owns the address, and its record stays.
    std::optional<ResourceState> recorded = change.action == Action::CreateThenDelete
                                                ? std::nullopt
                                                : recorded_resource(change.address);
    if (recorded) {
        ResourceState deleting = *recorded;
        deleting.status = ResourceStatus::Deleting;
        record(std::move(deleting));
    }
    auto removed = (*provider)->remove(change.type, change.before);
    if (!removed) {
        if (recorded) record(std::move(*recorded));
        return fail(change, StepKind::Destroy, provider_diagnostic(change.address, removed.error()));
    }
    // With create_before_destroy the new object already owns the address.
    if (change.action != Action::CreateThenDelete) forget(change.address);
    {
        std::lock_guard lock(m_mutex);
        ++m_result.done.destroy;
    }
    if (m_request.observer) m_request.observer->on_complete(change, StepKind::Destroy, Clock::now() - started, {});
    return true;
}

void Applier::remove_dropped_outputs() {
    for (const auto& change : m_request.plan.output_changes)
        if (change.removed) m_request.state.outputs.erase(change.name);
}

// Journaled outside the lock: the journal encodes records in parallel, and one address's records
// come from one step at a time, in order.
void Applier::record(ResourceState resource) {
    auto written = m_request.journal.record_put(resource);
    std::lock_guard lock(m_mutex);
    if (!written) m_result.diagnostics.add(written.error());
    m_request.state.resources[resource.address] = std::move(resource);
}

std::optional<ResourceState> Applier::recorded_resource(const std::string& address) {
    std::lock_guard lock(m_mutex);
    auto it = m_request.state.resources.find(address);
    if (it == m_request.state.resources.end()) return std::nullopt;
    return it->second;
}

void Applier::forget(const std::string& address) {
    auto written = m_request.journal.record_remove(address);
    std::lock_guard lock(m_mutex);
    if (!written) m_result.diagnostics.add(written.error());
    m_request.state.resources.erase(address);
}

bool Applier::fail(const ResourceChange& change, StepKind step, Diagnostic error) {
    if (m_request.observer) m_request.observer->on_failed(change, step, error);
    std::lock_guard lock(m_mutex);
    m_result.diagnostics.add(std::move(error));
    return false;
}

bool Applier::report(Diagnostics diagnostics) {
    if (!diagnostics.has_errors()) return true;
    std::lock_guard lock(m_mutex);
    m_result.diagnostics.append(diagnostics);
    return false;
}

}  // namespace

ApplyResult apply_plan(const ApplyRequest& request, ProviderSet& providers) {
    return Applier(request, providers).run();
}

}  // namespace plinth::plans
