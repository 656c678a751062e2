#include "plans/planner.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>

#include "plans/attribute_location.h"
#include "plans/conditions.h"
#include "plans/expansion.h"
#include "plans/module_instances.h"
#include "plans/state_moves.h"
#include "providers/schema.h"

namespace plinth::plans {

namespace {

providers::PlanResult generic_plan(const providers::ResourceSchema& schema, const Value& desired) {
    auto plan = providers::plan_from_schema(schema, nullptr, desired);
    return providers::PlanResult{std::move(plan.planned), std::move(plan.requires_replace)};
}

// Replaces desired values with prior ones for the attributes lifecycle.ignore_changes names.
void apply_ignore_changes(const Lifecycle& lifecycle, const Value& prior, Value& desired) {
    if (lifecycle.ignore_changes.empty() || !prior.is_map() || !desired.is_map()) return;
    bool all = lifecycle.ignore_changes.size() == 1 && lifecycle.ignore_changes[0] == "all";
    auto& wanted = desired.as_map();
    for (const auto& [name, value] : prior.as_map()) {
        bool ignored = all;
        for (const auto& listed : lifecycle.ignore_changes) ignored = ignored || listed == name;
        if (!ignored || !wanted.contains(name)) continue;
        wanted[name] = value;
    }
}

Action decide_action(const ResourceState* prior, bool prior_usable, const providers::PlanResult& planned,
                     const Lifecycle& lifecycle) {
    Action replace = lifecycle.create_before_destroy ? Action::CreateThenDelete : Action::DeleteThenCreate;
    if (!prior) return Action::Create;
    if (!prior_usable || !planned.requires_replace.empty()) return replace;
    return planned.planned == prior->attributes ? Action::NoOp : Action::Update;
}

// The deletion of an object state records, for a destroy plan or an instance no longer declared.
ResourceChange deletion_of(const ResourceState& resource, ChangeReason reason) {
    ResourceChange change;
    change.address = resource.address;
    change.type = resource.type;
    change.provider = resource.provider;
    change.action = Action::Delete;
    change.reason = reason;
    change.before = resource.attributes;
    change.dependencies = resource.dependencies;
    return change;
}

class Planner {
public:
    Planner(const PlanRequest& request, ProviderSet& providers)
        : m_request(request), m_providers(providers),
          m_instances(request.root, request.variables, request.workspace, request.validating) {}

    std::expected<Plan, Diagnostics> run();

private:
    void plan_node(const ConfigNode& node);
    void plan_block(ModuleScope& scope, const ResourceDecl& decl);
    void note_module_instance(std::size_t first, const ModuleScope& scope);
    // Each returns the instance's value for references, null after an error.
    std::optional<Value> plan_resource(const InstanceScope& scope, const ResourceDecl& decl,
                                       const InstanceAddress& address);
    std::optional<Value> plan_data(const InstanceScope& scope, const ResourceDecl& decl,
                                   const InstanceAddress& address);
    std::optional<Value> evaluate_properties(const InstanceScope& scope, const ResourceDecl& decl,
                                             const providers::ResourceSchema** schema, providers::Provider** provider);
    bool prevents_destroy(const InstanceScope& scope, const ResourceDecl& decl);
    bool replace_triggered(const InstanceScope& scope, const ResourceDecl& decl) const;
    bool reference_changed(const ModuleScope& scope, const expr::Reference& reference) const;
    bool depends_on_pending_changes(const ModuleScope& scope, const ResourceDecl& decl) const;
    void plan_root_output(const OutputDecl& decl);
    void plan_destroy_all();
    void plan_removed_instances();
    void plan_removed_outputs();
    ChangeReason removal_reason(const std::string& address) const;

    const PlanRequest& m_request;
    ProviderSet& m_providers;
    ModuleInstances m_instances;
    Plan m_plan;
    // Appended while planning, sorted once it is done for the look-ups of plan_removed_instances
    // (a set took 80 bytes an entry, two entries a resource, at the plan's peak).
    std::vector<std::string> m_declared;         // instance addresses planned
    std::vector<std::string> m_expanded_blocks;  // blocks (in their module instance) expanded
    std::set<std::string> m_deferred_prefixes;  // blocks whose instances are not known yet
    // Instance address -> index in m_plan.changes, of the changes that do something: the look-ups
    // below skip no-ops, and a plan of 100,000 unchanged resources then keeps no index at all.
    std::map<std::string, std::size_t> m_pending_at;
    Diagnostics m_diagnostics;
};

std::expected<Plan, Diagnostics> Planner::run() {
    m_plan.prior_lineage = m_request.prior.lineage;
    m_plan.prior_serial = m_request.prior.serial;
    m_plan.prior_state_existed = m_request.prior.serial > 0 || !m_request.prior.resources.empty();
    m_plan.variables = m_request.variables;
    m_plan.destroy = m_request.destroy;
    m_declared.reserve(m_request.graph.size());  // about one instance a declaration
    if (m_request.destroy) {
        plan_destroy_all();
    } else {
        for (Graph::NodeId id : m_request.graph.order()) plan_node(m_request.graph.node(id));
        if (!m_diagnostics.has_errors()) plan_removed_instances();
    }
    plan_removed_outputs();
    if (m_diagnostics.has_errors()) return std::unexpected(m_diagnostics);
    std::sort(m_plan.changes.begin(), m_plan.changes.end(),
              [](const ResourceChange& a, const ResourceChange& b) { return a.address < b.address; });
    std::sort(m_plan.data_reads.begin(), m_plan.data_reads.end(),
              [](const DataRead& a, const DataRead& b) { return a.address < b.address; });
    return std::move(m_plan);
}

void Planner::plan_node(const ConfigNode& node) {
    const ModuleNode& module = *node.module;
    switch (node.kind) {
    case NodeKind::Variable: return m_diagnostics.append(m_instances.set_input_variable(module, node.name));
    case NodeKind::Local:
        for (ModuleScope* scope : m_instances.of(module)) {
            std::size_t first = m_diagnostics.size();
            auto value = scope->evaluate(*module.stack->locals.at(node.name).value);
            if (value) scope->set_local(node.name, std::move(*value));
            else m_diagnostics.append(value.error());
            note_module_instance(first, *scope);
        }
        return;
    case NodeKind::ModuleCall: return m_diagnostics.append(m_instances.expand_call(module, node.name));
    case NodeKind::Resource:
    case NodeKind::Data:
        for (ModuleScope* scope : m_instances.of(module)) {
            std::size_t first = m_diagnostics.size();
            plan_block(*scope, node.resource());
            note_module_instance(first, *scope);
        }
        return;
    case NodeKind::Output:
        if (!module.is_root()) return m_diagnostics.append(m_instances.publish_output(module, node.name));
        return plan_root_output(module.stack->outputs.at(node.name));
    }
}

// Errors inside a module instance say which instance, and where it is called.
void Planner::note_module_instance(std::size_t first, const ModuleScope& scope) {
    if (scope.path().empty() || first == m_diagnostics.size()) return;
    m_diagnostics.add_note_from(first, fmt::format("in {}, called at {}", to_string(scope.path()),
                                                   scope.module().call->location.to_string()));
}

void Planner::plan_block(ModuleScope& scope, const ResourceDecl& decl) {
    auto expansion = expand(decl.repetition, [&](const expr::Expression& e) { return scope.evaluate(e); });
    if (!expansion) return m_diagnostics.append(expansion.error());
    InstanceAddress block{scope.path(), decl.mode == ResourceMode::Data, decl.name, {}};
    bool checked_as_one = !expansion->known && m_request.validating;
    if (checked_as_one) *expansion = Expansion{true, {Instance{InstanceKey{}, unknown_repetition(decl.repetition)}}};
    if (!expansion->known) {
        std::string address = block.to_string();
        m_deferred_prefixes.insert(address);
        m_plan.deferred.push_back(DeferredBlock{
            address, fmt::format("its {} depends on values known only after apply",
                                 decl.repetition.count ? "count" : "for_each")});
        scope.set_block(decl, Value::unknown());
        return;
    }
    scope.set_block(decl, checked_as_one ? Value::unknown() : expansion->container(decl.repetition));
    m_expanded_blocks.push_back(block.to_string());
    for (const auto& instance : expansion->instances) {
        InstanceScope instance_scope(scope, instance.repetition);
        InstanceAddress address = block;
        address.key = instance.key;
        auto value = decl.mode == ResourceMode::Data ? plan_data(instance_scope, decl, address)
                                                     : plan_resource(instance_scope, decl, address);
        if (value && !checked_as_one) scope.set_block_instance(decl, instance.key, std::move(*value));
    }
}

// The configured properties of one instance, checked against the provider's schema.
std::optional<Value> Planner::evaluate_properties(const InstanceScope& scope, const ResourceDecl& decl,
                                                  const providers::ResourceSchema** schema,
                                                  providers::Provider** provider) {
    auto desired = scope.evaluate(*decl.properties);
    if (!desired) return m_diagnostics.append(desired.error()), std::nullopt;
    auto found = m_providers.get(effective_provider(scope.base().module(), decl.provider), decl.location);
    if (!found) return m_diagnostics.add(found.error()), std::nullopt;
    *provider = *found;
    bool data = decl.mode == ResourceMode::Data;
    const auto& provider_schema = (*found)->schema();
    *schema = data ? provider_schema.find_data_source(decl.type) : provider_schema.find_resource(decl.type);
    if (!*schema) {
        std::string_view kind = data ? "data source" : "resource";
        m_diagnostics.add_error(fmt::format("unknown {} type `{}`", kind, decl.type),
                                fmt::format("provider `{}` has no {} type `{}`; `plinth providers` lists them",
                                            decl.provider, kind, decl.type),
                                decl.location);
        return std::nullopt;
    }
    auto problems = providers::validate_properties(
        **schema, *desired, [&](std::string_view attribute) { return attribute_location(decl, attribute); });
    if (problems.has_errors()) return m_diagnostics.append(problems), std::nullopt;
    if (m_request.validating) return std::move(*desired);  // the provider is not configured: ask it nothing
    auto own_problems = (*found)->validate(data ? providers::BlockKind::Data : providers::BlockKind::Resource,
                                           decl.type, *desired);
    for (const auto& problem : own_problems)
        m_diagnostics.add_error(problem.summary, problem.detail, attribute_location(decl, problem.attribute));
    if (!own_problems.empty()) return std::nullopt;
    return std::move(*desired);
}

std::optional<Value> Planner::plan_resource(const InstanceScope& scope, const ResourceDecl& decl,
                                            const InstanceAddress& address) {
    const providers::ResourceSchema* schema = nullptr;
    providers::Provider* provider = nullptr;
    auto desired = evaluate_properties(scope, decl, &schema, &provider);
    if (!desired) return std::nullopt;
    std::string text = address.to_string();
    m_declared.push_back(text);
    auto preconditions = check_conditions(decl.lifecycle().preconditions, scope, text, "precondition");
    if (preconditions.has_errors()) return m_diagnostics.append(preconditions), std::nullopt;

    auto found = m_request.prior.resources.find(text);
    const ResourceState* prior = found == m_request.prior.resources.end() ? nullptr : &found->second;
    bool prior_usable = prior && prior->status == ResourceStatus::Ready;
    if (prior_usable) apply_ignore_changes(decl.lifecycle(), prior->attributes, *desired);

    // Validation plans from the schema alone: the provider is not configured, and asked nothing.
    auto planned = m_request.validating
                       ? providers::Result<providers::PlanResult>(generic_plan(*schema, *desired))
                       : provider->plan(decl.type, prior_usable ? &prior->attributes : nullptr, *desired);
    if (!planned) {
        auto location = attribute_location(decl, planned.error().attribute);
        m_diagnostics.add(provider_diagnostic(text, planned.error(), location));
        return std::nullopt;
    }
    // Planned attributes identical to the prior ones are the prior ones: a plan of 100,000
    // unchanged resources then holds no second copy of their values, and deciding the action
    // compares them in one step.
    if (prior_usable && planned->planned.identical(prior->attributes)) planned->planned = prior->attributes;

    ResourceChange change;
    change.address = text;
    change.type = decl.type;
    change.provider = effective_provider(scope.base().module(), decl.provider);
    change.action = decide_action(prior, prior_usable, *planned, decl.lifecycle());
    change.before = prior ? prior->attributes : Value();
    change.after = planned->planned;
    change.replace_paths = planned->requires_replace;
    change.dependencies = m_request.graph.resource_dependencies(address.config_address());
    change.create_before_destroy = decl.lifecycle().create_before_destroy;
    bool requested = m_request.replace.contains(text);
    if (prior_usable && !is_replace(change.action) && (requested || replace_triggered(scope, decl))) {
        auto fresh = provider->plan(decl.type, nullptr, *desired);
        if (!fresh) {
            m_diagnostics.add(provider_diagnostic(text, fresh.error(), attribute_location(decl, fresh.error().attribute)));
            return std::nullopt;
        }
        change.action = decl.lifecycle().create_before_destroy ? Action::CreateThenDelete : Action::DeleteThenCreate;
        change.after = fresh->planned;
        change.reason = requested ? ChangeReason::ReplaceRequested : ChangeReason::ReplaceTriggered;
    }
    if (prior && !prior_usable) change.reason = ChangeReason::Tainted;
    if (!prior && m_request.unconfirmed_gone.contains(text)) change.reason = ChangeReason::CreateUnconfirmed;
    if (is_replace(change.action) && prevents_destroy(scope, decl)) {
        m_diagnostics.add_error(fmt::format("Instance cannot be destroyed: `{}` has lifecycle.prevent_destroy set", text),
                                "The plan would replace it. Change the configuration so it is updated in place, "
                                "or remove prevent_destroy.",
                                decl.location);
    }
    InstanceScope with_self(scope.base(), scope.repetition(), &change.after);
    m_diagnostics.append(check_conditions(decl.lifecycle().postconditions, with_self, text, "postcondition"));
    Value value = change.after;
    if (change.action != Action::NoOp) m_pending_at[text] = m_plan.changes.size();
    m_plan.changes.push_back(std::move(change));
    return value;
}

std::optional<Value> Planner::plan_data(const InstanceScope& scope, const ResourceDecl& decl,
                                        const InstanceAddress& address) {
    const providers::ResourceSchema* schema = nullptr;
    providers::Provider* provider = nullptr;
    auto config = evaluate_properties(scope, decl, &schema, &provider);
    if (!config) return std::nullopt;
    DataRead read{address.to_string(), decl.type, effective_provider(scope.base().module(), decl.provider), {}, false};
    auto preconditions = check_conditions(decl.lifecycle().preconditions, scope, read.address, "precondition");
    if (preconditions.has_errors()) return m_diagnostics.append(preconditions), std::nullopt;
    if (m_request.validating || !config->is_wholly_known() || depends_on_pending_changes(scope.base(), decl)) {
        read.deferred = true;
        read.result = providers::plan_from_schema(*schema, nullptr, *config).planned;
    } else {
        auto result = provider->read_data(decl.type, *config);
        if (!result) {
            auto location = attribute_location(decl, result.error().attribute);
            m_diagnostics.add(provider_diagnostic(read.address, result.error(), location));
            return std::nullopt;
        }
        read.result = std::move(*result);
    }
    InstanceScope with_self(scope.base(), scope.repetition(), &read.result);
    m_diagnostics.append(check_conditions(decl.lifecycle().postconditions, with_self, read.address, "postcondition"));
    Value value = read.result;
    if (!m_request.validating) m_plan.data_reads.push_back(std::move(read));
    return value;
}

// lifecycle.replace_triggered_by: any reference whose target has a planned change.
bool Planner::replace_triggered(const InstanceScope& scope, const ResourceDecl& decl) const {
    for (const auto& trigger : decl.lifecycle().replace_triggered_by)
        for (const auto& reference : expr::collect_references(*trigger))
            if (reference_changed(scope.base(), reference)) return true;
    return false;
}

// `web` changes when any of its instances does; `web[0]` / `web["k"]` when that one does;
// `web.id` / `web[0].id` when the attribute's planned value differs from its prior one.
bool Planner::reference_changed(const ModuleScope& scope, const expr::Reference& reference) const {
    auto target = scope.module().stack->resources.find(reference.root);
    if (target == scope.module().stack->resources.end()) return false;
    std::string block = InstanceAddress{scope.path(), false, reference.root, {}}.to_string();
    std::vector<std::string> path = reference.path;
    std::optional<std::string> instance;
    if (target->second.repetition.repeated() && !path.empty()) {
        bool counted = target->second.repetition.count != nullptr;
        instance = block + (counted ? "[" + path.front() + "]" : key_suffix(InstanceKey{path.front()}));
        path.erase(path.begin());
    }
    for (auto it = m_pending_at.lower_bound(block); it != m_pending_at.end() && it->first.starts_with(block); ++it) {
        bool in_block = it->first == block || it->first[block.size()] == '[';
        if (!in_block || (instance && it->first != *instance)) continue;
        const ResourceChange& change = m_plan.changes[it->second];
        if (path.empty()) return true;
        const Value* before = change.before.find(path.front());
        const Value* after = change.after.find(path.front());
        if (!before || !after || after->is_unknown() || !(*before == *after)) return true;
    }
    return false;
}

// A data source whose depends_on names something with planned changes is read after them, during
// apply, as Terraform does.
bool Planner::depends_on_pending_changes(const ModuleScope& scope, const ResourceDecl& decl) const {
    std::string module = to_string(scope.path());
    for (const auto& dependency : decl.depends_on) {
        if (dependency.target.starts_with("data.")) continue;
        std::string prefix = module.empty() ? dependency.target : module + "." + dependency.target;
        for (auto it = m_pending_at.lower_bound(prefix); it != m_pending_at.end() && it->first.starts_with(prefix); ++it)
            if (address_within(it->first, prefix)) return true;
    }
    return false;
}

// lifecycle.prevent_destroy: an expression that must give a bool.
bool Planner::prevents_destroy(const InstanceScope& scope, const ResourceDecl& decl) {
    if (!decl.lifecycle().prevent_destroy) return false;
    auto value = scope.evaluate(*decl.lifecycle().prevent_destroy);
    if (!value) return m_diagnostics.append(value.error()), false;
    if (value->is_bool()) return value->as_bool();
    m_diagnostics.add_error(fmt::format("`prevent_destroy` of resource `{}` must be true or false", decl.name),
                            fmt::format("it is {}", to_display(*value)),
                            expr::location_of(*decl.lifecycle().prevent_destroy));
    return false;
}

void Planner::plan_root_output(const OutputDecl& decl) {
    auto value = m_instances.root().evaluate(*decl.value);
    if (!value) return m_diagnostics.append(value.error());
    if (value->contains_sensitive() && !decl.sensitive) {
        return m_diagnostics.add_error(
            fmt::format("Output `{}` refers to sensitive values", decl.name),
            "Set `sensitive: true` on the output to confirm it may be shown only on request.", decl.location);
    }
    OutputChange change;
    change.name = decl.name;
    change.sensitive = decl.sensitive;
    change.after = std::move(*value);
    if (decl.sensitive) change.after.mark_sensitive();
    if (auto it = m_request.prior.outputs.find(decl.name); it != m_request.prior.outputs.end())
        change.before = it->second.value;
    m_plan.output_changes.push_back(std::move(change));
}

void Planner::plan_destroy_all() {
    for (const auto& [address, resource] : m_request.prior.resources)
        m_plan.changes.push_back(deletion_of(resource, ChangeReason::None));
}

// Instances in state that the configuration no longer has: a removed resource or module, or a
// key count/for_each no longer yields. Blocks whose instances are not known yet keep theirs.
void Planner::plan_removed_instances() {
    std::ranges::sort(m_declared);
    std::ranges::sort(m_expanded_blocks);
    auto declared = [&](const std::string& address) { return std::ranges::binary_search(m_declared, address); };
    auto forgotten = removed_objects(m_request.removed, m_request.prior);
    for (const auto& address : forgotten) {
        if (!declared(address)) continue;
        for (const auto& entry : m_request.removed)
            if (address_within(address, entry.from))
                m_diagnostics.add_error(fmt::format("`removed` names `{}`, which the stack still declares", address),
                                        "remove the declaration too, or drop the `removed` entry", entry.location);
    }
    m_plan.forgets = forgotten;
    std::set<std::string> forgetting(forgotten.begin(), forgotten.end());
    for (const auto& [address, resource] : m_request.prior.resources) {
        if (declared(address) || forgetting.contains(address)) continue;
        bool deferred = false;
        for (const auto& prefix : m_deferred_prefixes) deferred = deferred || address_within(address, prefix);
        if (!deferred) m_plan.changes.push_back(deletion_of(resource, removal_reason(address)));
    }
}

// An instance whose block is still declared lost its key; otherwise the block (or its module) went.
ChangeReason Planner::removal_reason(const std::string& address) const {
    auto parsed = parse_instance_address(address);
    if (!parsed || std::holds_alternative<std::monostate>(parsed->key)) return ChangeReason::RemovedFromStack;
    InstanceAddress block = *parsed;
    block.key = {};
    bool declared = m_request.graph.find_resource(parsed->config_address()).has_value();
    return declared && std::ranges::binary_search(m_expanded_blocks, block.to_string()) ? ChangeReason::InstanceGone
                                                                     : ChangeReason::RemovedFromStack;
}

void Planner::plan_removed_outputs() {
    for (const auto& [name, output] : m_request.prior.outputs) {
        if (!m_request.destroy && m_request.root.stack->outputs.contains(name)) continue;
        OutputChange change;
        change.name = name;
        change.before = output.value;
        change.sensitive = output.sensitive;
        change.removed = true;
        m_plan.output_changes.push_back(std::move(change));
    }
}

}  // namespace

std::expected<Plan, Diagnostics> make_plan(const PlanRequest& request, ProviderSet& providers) {
    return Planner(request, providers).run();
}

}  // namespace plinth::plans
