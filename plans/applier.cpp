#include "plans/applier.h"

#include <fmt/format.h>
#include <mutex>

#include "core/graph/walker.h"
#include "core/value_path.h"
#include "plans/apply_graph.h"
#include "plans/attribute_location.h"
#include "plans/conformance.h"
#include "plans/stack_scope.h"

namespace plinth::plans {

namespace {

using Clock = std::chrono::steady_clock;

class Applier {
public:
    Applier(const ApplyRequest& request, ProviderSet& providers)
        : m_request(request), m_providers(providers), m_scope(request.stack, request.plan.variables) {}

    ApplyResult run();

private:
    bool visit(const ApplyStep& step);
    bool apply_resource(const ResourceChange& change);
    bool destroy_resource(const ResourceChange& change);
    bool evaluate_local(const std::string& name);
    bool evaluate_output(const std::string& name);
    void adopt_refreshed_prior();
    void remove_dropped_outputs();

    std::expected<Value, Diagnostic> final_plan(const ResourceChange& change, providers::Provider& provider);
    void record(ResourceState resource);
    void forget(const std::string& address);
    bool fail(const ResourceChange& change, StepKind step, Diagnostic error);
    bool fail(Diagnostics errors);

    const ApplyRequest& m_request;
    ProviderSet& m_providers;
    StackScope m_scope;
    std::mutex m_mutex;  // guards m_request.state, m_result and journal order
    ApplyResult m_result;
};

ApplyResult Applier::run() {
    adopt_refreshed_prior();
    const StackGraph* config = m_request.plan.destroy ? nullptr : &m_request.graph;
    ApplyGraph steps = build_apply_graph(m_request.plan, config);
    WalkResult walked = walk_graph(steps.graph, m_request.parallelism,
                                   [&](Graph::NodeId id) { return visit(steps.steps[id]); }, m_request.stop);
    m_result.interrupted = m_request.stop && m_request.stop->load() && !walked.skipped.empty();
    if (m_result.ok()) remove_dropped_outputs();
    return std::move(m_result);
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
        if (it->second.status == ResourceStatus::Creating) it->second.status = ResourceStatus::Ready;
        bool declared = m_request.stack.resources.contains(change.address);
        if (declared && (change.action == Action::NoOp || change.action == Action::Update))
            m_scope.set_resource(change.address, change.before);
    }
}

bool Applier::visit(const ApplyStep& step) {
    switch (step.kind) {
    case ApplyStep::Kind::ApplyResource: return apply_resource(*step.change);
    case ApplyStep::Kind::DestroyResource: return destroy_resource(*step.change);
    case ApplyStep::Kind::Local: return evaluate_local(step.name);
    case ApplyStep::Kind::Output: return evaluate_output(step.name);
    }
    return false;
}

std::expected<Value, Diagnostic> Applier::final_plan(const ResourceChange& change, providers::Provider& provider) {
    const ResourceDecl& decl = m_request.stack.resources.at(change.address);
    auto desired = m_scope.evaluate(*decl.properties);
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

bool Applier::apply_resource(const ResourceChange& change) {
    if (change.action == Action::NoOp) {
        m_scope.set_resource(change.address, change.before);
        return true;
    }
    const ResourceDecl& decl = m_request.stack.resources.at(change.address);
    auto provider = m_providers.get(change.provider, decl.location);
    if (!provider) return fail(change, StepKind::Apply, provider.error());
    auto planned = final_plan(change, **provider);
    if (!planned) return fail(change, StepKind::Apply, planned.error());

    if (m_request.observer) m_request.observer->on_start(change, StepKind::Apply);
    auto started = Clock::now();
    bool creating = change.action != Action::Update;
    ResourceState resource{change.address, change.type, change.provider, {}, *planned, change.dependencies,
                           ResourceStatus::Creating};
    std::optional<ResourceState> previous;
    if (creating) {
        {
            std::lock_guard lock(m_mutex);
            auto it = m_request.state.resources.find(change.address);
            if (it != m_request.state.resources.end()) previous = it->second;
        }
        record(resource);  // intent first: a crash now still leaves a trace to refresh
    }
    auto result = creating ? (*provider)->create(change.type, *planned)
                           : (*provider)->update(change.type, change.before, *planned);
    if (!result) {
        if (creating) previous ? record(*previous) : forget(change.address);
        auto location = attribute_location(decl, result.error().attribute);
        return fail(change, StepKind::Apply, provider_diagnostic(change.address, result.error(), location));
    }
    resource.attributes = std::move(*result);
    mark_sensitive_paths(resource.attributes, sensitive_paths(*planned));
    resource.id = (*provider)->id_of(change.type, resource.attributes);
    resource.status = ResourceStatus::Ready;
    m_scope.set_resource(change.address, resource.attributes);
    std::string id = resource.id;
    record(std::move(resource));
    {
        std::lock_guard lock(m_mutex);
        creating ? ++m_result.done.add : ++m_result.done.change;
    }
    if (m_request.observer) m_request.observer->on_complete(change, StepKind::Apply, Clock::now() - started, id);
    return true;
}

bool Applier::destroy_resource(const ResourceChange& change) {
    auto provider = m_providers.get(change.provider);
    if (!provider) return fail(change, StepKind::Destroy, provider.error());
    if (m_request.observer) m_request.observer->on_start(change, StepKind::Destroy);
    auto started = Clock::now();
    auto removed = (*provider)->remove(change.type, change.before);
    if (!removed) return fail(change, StepKind::Destroy, provider_diagnostic(change.address, removed.error()));
    // With create_before_destroy the new object already owns the address.
    if (change.action != Action::CreateThenDelete) forget(change.address);
    {
        std::lock_guard lock(m_mutex);
        ++m_result.done.destroy;
    }
    if (m_request.observer) m_request.observer->on_complete(change, StepKind::Destroy, Clock::now() - started, {});
    return true;
}

bool Applier::evaluate_local(const std::string& name) {
    auto value = m_scope.evaluate(*m_request.stack.locals.at(name).value);
    if (!value) return fail(value.error());
    m_scope.set_local(name, std::move(*value));
    return true;
}

bool Applier::evaluate_output(const std::string& name) {
    const OutputDecl& decl = m_request.stack.outputs.at(name);
    auto value = m_scope.evaluate(*decl.value);
    if (!value) return fail(value.error());
    if (decl.sensitive) value->mark_sensitive();
    std::lock_guard lock(m_mutex);
    m_request.state.outputs[name] = OutputState{std::move(*value), decl.sensitive};
    return true;
}

void Applier::remove_dropped_outputs() {
    for (const auto& change : m_request.plan.output_changes)
        if (change.removed) m_request.state.outputs.erase(change.name);
}

void Applier::record(ResourceState resource) {
    std::lock_guard lock(m_mutex);
    if (auto written = m_request.journal.record_put(resource); !written) m_result.diagnostics.add(written.error());
    m_request.state.resources[resource.address] = std::move(resource);
}

void Applier::forget(const std::string& address) {
    std::lock_guard lock(m_mutex);
    if (auto written = m_request.journal.record_remove(address); !written) m_result.diagnostics.add(written.error());
    m_request.state.resources.erase(address);
}

bool Applier::fail(const ResourceChange& change, StepKind step, Diagnostic error) {
    if (m_request.observer) m_request.observer->on_failed(change, step, error);
    std::lock_guard lock(m_mutex);
    m_result.diagnostics.add(std::move(error));
    return false;
}

bool Applier::fail(Diagnostics errors) {
    std::lock_guard lock(m_mutex);
    m_result.diagnostics.append(errors);
    return false;
}

}  // namespace

ApplyResult apply_plan(const ApplyRequest& request, ProviderSet& providers) {
    return Applier(request, providers).run();
}

}  // namespace plinth::plans
