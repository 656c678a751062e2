#include "cli/redacted_plan.h"

#include <fmt/format.h>

#include "plans/plan_secrets.h"

namespace plinth::cli {

std::expected<ValueMap, ExitStatus> restore_plan_variables(StackSession& session, const plans::Plan& saved,
                                                           const VariableOptions& given) {
    auto available = resolve_available_variables(session.stack(), variable_inputs(given));
    if (!available) {
        session.ui().diagnostics(available.error());
        return std::unexpected(ExitStatus::Error);
    }
    ValueMap variables = saved.variables;
    Diagnostics missing;
    for (auto& [name, value] : variables) {
        if (!value.is_unknown() || !value.is_sensitive()) continue;
        auto found = available->find(name);
        if (found != available->end() && !found->second.is_unknown()) {
            value = found->second;
            value.mark_sensitive();
            continue;
        }
        missing.add(make_error(
            fmt::format("the saved plan needs the sensitive variable `{}` again", name),
            fmt::format("The plan file leaves sensitive values out. Give it as when planning: PLINTH_VAR_{}, "
                        "--var {}=... or --var-file.",
                        name, name)));
    }
    if (missing.empty()) return variables;
    session.ui().diagnostics(missing);
    return std::unexpected(ExitStatus::Error);
}

std::expected<PlannedRun, ExitStatus> replan_redacted(StackSession& session, const plans::Plan& saved,
                                                      const ValueMap& variables, std::size_t parallelism) {
    PlanningOptions options;
    options.refresh = saved.refreshed;
    options.refresh_only = saved.refresh_only;
    options.targets = saved.targets;
    options.excludes = saved.excludes;
    options.parallelism = parallelism;
    for (const auto& change : saved.changes)
        if (change.reason == plans::ChangeReason::ReplaceRequested) options.replace.push_back(change.address);
    auto run = refresh_and_plan(session, options, variables, saved.destroy, true);
    if (!run) return std::unexpected(run.error());
    if (saved.refresh_only) run->plan = session.engine().refresh_only_plan(run->state, variables, run->drift);
    if (auto departure = plans::find_plan_departure(saved, run->plan)) {
        session.ui().diagnostic(make_error(
            "the saved plan no longer holds",
            fmt::format("Its file left the sensitive values out, so plinth planned again to apply it, and that plan "
                        "differs: {}. Run `plinth plan` again.",
                        *departure)));
        return std::unexpected(ExitStatus::Error);
    }
    return run;
}

}  // namespace plinth::cli
