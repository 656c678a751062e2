#include "cli/run_steps.h"

#include <algorithm>
#include <fmt/format.h>
#include <iostream>

#include "cli/apply_view.h"
#include "cli/interrupt.h"
#include "cli/json_plan_view.h"
#include "cli/live_apply_view.h"
#include "cli/terminal.h"
#include "core/stack/loader.h"
#include "plans/policies.h"
#include "plans/render_state.h"
#include "plans/render_text.h"

namespace plinth::cli {

std::expected<PlannedRun, ExitStatus> refresh_and_plan(StackSession& session, const PlanningOptions& options,
                                                        const ValueMap& variables, bool destroy,
                                                        bool holding_lock_to_apply) {
    auto state = session.read_state(holding_lock_to_apply);
    if (!state) return std::unexpected(state.error());
    PlannedRun run{std::move(*state), {}, {}, false};

    if (options.refresh_only && (!options.refresh || destroy)) {
        session.ui().diagnostic(make_error("--refresh-only cannot be combined with --refresh=false or a destroy"));
        return std::unexpected(ExitStatus::Error);
    }
    std::set<std::string> unconfirmed_gone;
    if (options.refresh && !run.state.resources.empty()) {
        auto refreshed = session.engine().refresh(run.state, options.parallelism);
        if (refreshed.diagnostics.has_errors()) {
            session.ui().diagnostics(refreshed.diagnostics);
            return std::unexpected(ExitStatus::Error);
        }
        unconfirmed_gone = std::move(refreshed.unconfirmed_gone);
        run.drift = plans::detect_drift(refreshed.changed, run.state);
        run.refresh_changed_state = !refreshed.changed.empty();
    }
    if (options.refresh_only) return run;
    plans::PlanOptions wanted{destroy, std::move(unconfirmed_gone), options.targets, options.excludes, options.replace};
    auto plan = session.engine().plan(run.state, variables, wanted);
    if (!plan) {
        session.ui().diagnostics(plan.error());
        return std::unexpected(ExitStatus::Error);
    }
    run.plan = std::move(*plan);
    run.plan.refreshed = options.refresh;
    if (check_plan_policies(session, options.policy_dir, run.plan) != ExitStatus::Ok)
        return std::unexpected(ExitStatus::Error);
    return run;
}

ExitStatus check_plan_policies(StackSession& session, const std::string& policy_dir, plans::Plan& plan) {
    std::vector<PolicyDecl> policies = session.stack().policies;
    if (!policy_dir.empty()) {
        auto more = load_policy_dir(policy_dir);
        if (!more) {
            session.ui().diagnostics(more.error());
            return ExitStatus::Error;
        }
        policies.insert(policies.end(), more->begin(), more->end());
    }
    Diagnostics problems = plans::check_policies(policies, plan, session.stack().dir);
    session.ui().diagnostics(problems);
    return problems.has_errors() ? ExitStatus::Error : ExitStatus::Ok;
}

bool refuse_blocked_plan(Ui& ui, const plans::Plan& plan) {
    if (!plan.blocked_by_policy()) return false;
    auto mandatory = std::count_if(plan.policy_failures.begin(), plan.policy_failures.end(),
                                   [](const plans::PolicyFailure& failure) { return failure.mandatory; });
    ui.diagnostic(make_error(fmt::format("{} mandatory policy check{} failed", mandatory, mandatory == 1 ? "" : "s"),
                             "The plan cannot be applied or saved until the changes satisfy every mandatory "
                             "policy (listed above)."));
    return true;
}

bool confirm(Ui& ui, const std::string& question, const std::string& explanation, bool auto_approve) {
    if (auto_approve) return true;
    if (ui.json()) {
        ui.diagnostic(make_error("--json needs --auto-approve",
                                 "Machine-readable output cannot ask for approval. Pass --auto-approve, or save a "
                                 "plan and apply it: plinth plan --out plan.bin && plinth apply --json plan.bin"));
        return false;
    }
    if (!stdin_is_terminal()) {
        ui.diagnostic(make_error("no terminal to ask for approval",
                                 "Run with --auto-approve, or save a plan and apply it: "
                                 "plinth plan --out plan.bin && plinth apply plan.bin"));
        return false;
    }
    ui.out(fmt::format("{}\n  {}\n  Only 'yes' will be accepted to approve.\n\n  Enter a value: ",
                       bold(question, ui.color()), explanation));
    std::string answer;
    std::getline(std::cin, answer);
    ui.out("\n");
    if (answer == "yes") return true;
    ui.err("Cancelled: nothing was changed.\n");
    return false;
}

void show_plan(Ui& ui, const PlannedRun& run, bool refresh_only) {
    if (ui.json()) return emit_plan_events(ui, run.drift, refresh_only ? nullptr : &run.plan);
    plans::RenderStyle style{ui.color()};
    if (refresh_only) {
        ui.out(plans::render_refresh_only_plan(run.drift, style));
        return;
    }
    if (std::string drift = plans::render_drift(run.drift, style); !drift.empty()) ui.out(drift + "\n");
    plans::write_plan(run.plan, style, [&](std::string_view piece) { ui.out(std::string(piece)); });
}

ExitStatus execute_plan(StackSession& session, plans::Plan plan, State& state, std::size_t parallelism) {
    auto journal = session.state_store().open_journal(state);
    if (!journal) {
        session.ui().diagnostic(journal.error());
        return ExitStatus::Error;
    }
    Ui& ui = session.ui();
    InterruptGuard interrupt;
    std::unique_ptr<plans::ApplyObserver> view;
    if (ui.json()) {
        view = std::make_unique<JsonApplyView>(ui);
    } else if (use_live_output()) {
        plans::Plan::Summary steps = plan.summary();
        view = std::make_unique<LiveApplyView>(ui, plan.destroy ? "Destroying" : "Applying",
                                               steps.add + steps.change + steps.destroy,
                                               utf8_locale(process_environment));
    } else {
        view = std::make_unique<ApplyView>(ui);
    }
    auto started = std::chrono::steady_clock::now();
    bool destroy = plan.destroy;
    auto result = session.engine().apply(std::move(plan), state, **journal, view.get(), parallelism, &interrupt.stop_flag());
    view.reset();
    ExitStatus written = session.write_state(state);
    journal->reset();

    ui.out("\n");
    ui.diagnostics(result.diagnostics);
    std::string summary = render_apply_summary(result, destroy, std::chrono::steady_clock::now() - started);
    if (ui.json())
        ui.event("change_summary", result.ok() ? "info" : "error", summary.substr(0, summary.find('\n')),
                 {{"changes", summary_json(result.done, destroy ? "destroy" : "apply")}});
    else
        ui.out(summary);
    bool outputs = !destroy && !state.outputs.empty();
    if (outputs && ui.json())
        ui.event("outputs", "info", fmt::format("Outputs: {}", state.outputs.size()),
                 {{"outputs", outputs_json(state.outputs)}});
    else if (outputs)
        ui.out("\nOutputs:\n\n" + plans::render_outputs(state.outputs, plans::RenderStyle{ui.color()}));
    if (written != ExitStatus::Ok) return written;
    if (result.interrupted) return ExitStatus::Interrupted;
    return result.ok() ? ExitStatus::Ok : ExitStatus::Error;
}

}  // namespace plinth::cli
