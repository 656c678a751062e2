#include "plans/planner.h"

#include <fmt/format.h>

#include "plans/attribute_location.h"
#include "plans/stack_scope.h"
#include "providers/schema.h"

namespace plinth::plans {

namespace {

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

class Planner {
public:
    Planner(const PlanRequest& request, ProviderSet& providers)
        : m_request(request), m_providers(providers), m_scope(request.stack, request.variables) {}

    std::expected<Plan, Diagnostics> run() {
        Plan plan;
        plan.prior_lineage = m_request.prior.lineage;
        plan.prior_serial = m_request.prior.serial;
        plan.prior_state_existed = m_request.prior.serial > 0 || !m_request.prior.resources.empty();
        plan.stack_fingerprint = m_request.stack.fingerprint;
        plan.variables = m_request.variables;
        plan.destroy = m_request.destroy;
        if (m_request.destroy) {
            plan_destroy_all(plan);
        } else {
            for (Graph::NodeId id : m_request.graph.order()) plan_node(m_request.graph.node(id), plan);
            plan_removed_resources(plan);
        }
        plan_removed_outputs(plan);
        if (m_diagnostics.has_errors()) return std::unexpected(m_diagnostics);
        std::sort(plan.changes.begin(), plan.changes.end(),
                  [](const ResourceChange& a, const ResourceChange& b) { return a.address < b.address; });
        return plan;
    }

private:
    void plan_node(const StackNode& node, Plan& plan) {
        switch (node.kind) {
        case NodeKind::Resource: plan_resource(m_request.stack.resources.at(node.name), plan); break;
        case NodeKind::Local: {
            const LocalDecl& local = m_request.stack.locals.at(node.name);
            if (auto value = m_scope.evaluate(*local.value)) m_scope.set_local(node.name, std::move(*value));
            else m_diagnostics.append(value.error());
            break;
        }
        case NodeKind::Output: plan_output(m_request.stack.outputs.at(node.name), plan); break;
        }
    }

    void plan_resource(const ResourceDecl& decl, Plan& plan);
    bool prevents_destroy(const ResourceDecl& decl);
    void plan_output(const OutputDecl& decl, Plan& plan);
    void plan_destroy_all(Plan& plan);
    void plan_removed_resources(Plan& plan);
    void plan_removed_outputs(Plan& plan);

    const PlanRequest& m_request;
    ProviderSet& m_providers;
    StackScope m_scope;
    Diagnostics m_diagnostics;
};

void Planner::plan_resource(const ResourceDecl& decl, Plan& plan) {
    auto desired = m_scope.evaluate(*decl.properties);
    if (!desired) return m_diagnostics.append(desired.error());
    auto provider = m_providers.get(decl.provider, decl.location);
    if (!provider) return m_diagnostics.add(provider.error());
    const auto* schema = (*provider)->schema().find_resource(decl.type);
    if (!schema) {
        return m_diagnostics.add_error(
            fmt::format("unknown resource type `{}`", decl.type),
            fmt::format("provider `{}` has no resource type `{}`; `plinth providers` lists them", decl.provider, decl.type),
            decl.location);
    }
    auto problems = providers::validate_properties(
        *schema, *desired, [&](std::string_view attribute) { return attribute_location(decl, attribute); });
    if (problems.has_errors()) return m_diagnostics.append(problems);

    auto found = m_request.prior.resources.find(decl.name);
    const ResourceState* prior = found == m_request.prior.resources.end() ? nullptr : &found->second;
    bool prior_usable = prior && prior->status == ResourceStatus::Ready;
    if (prior_usable) apply_ignore_changes(decl.lifecycle, prior->attributes, *desired);

    auto planned = (*provider)->plan(decl.type, prior_usable ? &prior->attributes : nullptr, *desired);
    if (!planned) {
        auto location = attribute_location(decl, planned.error().attribute);
        return m_diagnostics.add(provider_diagnostic(decl.name, planned.error(), location));
    }

    ResourceChange change;
    change.address = decl.name;
    change.type = decl.type;
    change.provider = decl.provider;
    change.action = decide_action(prior, prior_usable, *planned, decl.lifecycle);
    change.before = prior ? prior->attributes : Value();
    change.after = planned->planned;
    change.replace_paths = planned->requires_replace;
    change.dependencies = m_request.graph.resource_dependencies(decl.name);
    change.create_before_destroy = decl.lifecycle.create_before_destroy;
    if (prior && !prior_usable) change.reason = ChangeReason::Tainted;
    if (!prior && m_request.unconfirmed_gone.contains(decl.name)) change.reason = ChangeReason::CreateUnconfirmed;
    if (is_replace(change.action) && prevents_destroy(decl)) {
        m_diagnostics.add_error(fmt::format("Instance cannot be destroyed: `{}` has lifecycle.prevent_destroy set", decl.name),
                                "The plan would replace it. Change the configuration so it is updated in place, "
                                "or remove prevent_destroy.",
                                decl.location);
    }
    m_scope.set_resource(decl.name, change.after);
    plan.changes.push_back(std::move(change));
}

// lifecycle.prevent_destroy: an expression that must give a bool.
bool Planner::prevents_destroy(const ResourceDecl& decl) {
    if (!decl.lifecycle.prevent_destroy) return false;
    auto value = m_scope.evaluate(*decl.lifecycle.prevent_destroy);
    if (!value) return m_diagnostics.append(value.error()), false;
    if (value->is_bool()) return value->as_bool();
    m_diagnostics.add_error(fmt::format("`prevent_destroy` of resource `{}` must be true or false", decl.name),
                            fmt::format("it is {}", kind_name(value->kind())), expr::location_of(*decl.lifecycle.prevent_destroy));
    return false;
}

void Planner::plan_output(const OutputDecl& decl, Plan& plan) {
    auto value = m_scope.evaluate(*decl.value);
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
    plan.output_changes.push_back(std::move(change));
}

// The deletion of an object state records, for a destroy plan or a resource no longer declared.
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

void Planner::plan_destroy_all(Plan& plan) {
    for (const auto& [address, resource] : m_request.prior.resources)
        plan.changes.push_back(deletion_of(resource, ChangeReason::None));
}

void Planner::plan_removed_resources(Plan& plan) {
    for (const auto& [address, resource] : m_request.prior.resources)
        if (!m_request.stack.resources.contains(address))
            plan.changes.push_back(deletion_of(resource, ChangeReason::RemovedFromStack));
}

void Planner::plan_removed_outputs(Plan& plan) {
    for (const auto& [name, output] : m_request.prior.outputs) {
        if (!m_request.destroy && m_request.stack.outputs.contains(name)) continue;
        OutputChange change;
        change.name = name;
        change.before = output.value;
        change.sensitive = output.sensitive;
        change.removed = true;
        plan.output_changes.push_back(std::move(change));
    }
}

}  // namespace

std::expected<Plan, Diagnostics> make_plan(const PlanRequest& request, ProviderSet& providers) {
    return Planner(request, providers).run();
}

}  // namespace plinth::plans
