#include "cli/json_plan_view.h"

#include <fmt/format.h>

#include "plans/render_text.h"

namespace plinth::cli {
namespace {

// "Plan to create", "Plan to replace", ...
std::string planned_words(std::string_view action) { return fmt::format("Plan to {}", action); }

void emit_changes(Ui& ui, const plans::Plan& plan) {
    for (const auto& move : plan.moves)
        ui.event("planned_change", "info", fmt::format("{}: Plan to move", move.to),
                 {{"change",
                   {{"resource", resource_json(move.to, "", "")},
                    {"previous_resource", resource_json(move.from, "", "")},
                    {"action", "move"}}}});
    for (const auto& address : plan.forgets)
        ui.event("planned_change", "info", fmt::format("{}: Plan to remove from state", address),
                 {{"change", {{"resource", resource_json(address, "", "")}, {"action", "remove"}}}});
    for (const auto& resource : plan.imports)
        ui.event("planned_change", "info", fmt::format("{}: Plan to import", resource.address),
                 {{"change",
                   {{"resource", resource_json(resource.address, resource.type, resource.provider)},
                    {"action", "import"},
                    {"importing", {{"id", resource.id}}}}}});
    for (const auto& change : plan.changes) {
        if (change.action == plans::Action::NoOp) continue;
        JsonEvent payload = change_json(change);
        std::string message = fmt::format("{}: {}", change.address, planned_words(payload["action"].get<std::string>()));
        ui.event("planned_change", "info", message, {{"change", std::move(payload)}});
    }
}

void emit_policy_events(Ui& ui, const plans::Plan& plan) {
    for (const auto& failure : plan.policy_failures)
        ui.event("policy_failed", failure.mandatory ? "error" : "warn",
                 fmt::format("{}: policy {} failed: {}", failure.address, failure.policy, failure.message),
                 {{"policy",
                   {{"name", failure.policy},
                    {"address", failure.address},
                    {"enforcement", failure.mandatory ? "mandatory" : "advisory"},
                    {"message", failure.message}}}});
    auto failed = static_cast<int>(plan.policy_failures.size());
    ui.event("policy_summary", plan.blocked_by_policy() ? "error" : "info",
             fmt::format("Policy checks: {} passed, {} failed", plan.policy_checks - failed, failed),
             {{"policies", {{"checks", plan.policy_checks}, {"failed", failed}, {"blocked", plan.blocked_by_policy()}}}});
}

}  // namespace

void emit_plan_events(Ui& ui, const std::vector<plans::Drift>& drift, const plans::Plan* plan) {
    for (const auto& object : drift)
        ui.event("resource_drift", "info",
                 fmt::format("{}: Drift detected ({})", object.address, object.gone ? "delete" : "update"),
                 {{"change", drift_json(object)}});
    plans::Plan::Summary summary = plan ? plan->summary() : plans::Plan::Summary{};
    if (plan) emit_changes(ui, *plan);
    ui.event("change_summary", "info", plans::plan_summary_line(summary), {{"changes", summary_json(summary, "plan")}});
    if (plan && !plan->output_changes.empty())
        ui.event("outputs", "info", fmt::format("Outputs: {}", plan->output_changes.size()),
                 {{"outputs", output_changes_json(plan->output_changes)}});
    if (plan && plan->policy_checks > 0) emit_policy_events(ui, *plan);
}

}  // namespace plinth::cli
