// `plinth apply [PLANFILE]` and `plinth destroy`: plan (or load a saved plan), ask, apply.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <cerrno>
#include <cstring>
#include <memory>

#include "core/state/atomic_file.h"
#include "core/state/state_file.h"

#include "cli/command.h"
#include "cli/redacted_plan.h"
#include "cli/run_steps.h"
#include "cli/terminal.h"
#include "plans/drift.h"
#include "plans/plan_file.h"

namespace plinth::cli {

namespace {

struct ApplyOptions {
    VariableOptions variables;
    LockOptions lock;
    PlanningOptions planning;
    bool auto_approve = false;
    std::string plan_file;
};

// A saved plan is applied only to the state it was made against. A plan made before any state
// existed fits a state that still holds nothing.
bool plan_is_current(const plans::Plan& plan, const State& state) {
    if (plan.prior_serial != state.serial) return false;
    return plan.prior_lineage == state.lineage || (state.serial == 0 && state.resources.empty());
}

std::expected<plans::Plan, ExitStatus> load_plan_file(Ui& ui, const std::string& path, const StateCodec& codec) {
    auto content = read_whole_file(path);
    if (!content || !*content) {
        ui.diagnostic(make_error(fmt::format("cannot read plan file {}", path),
                                 content ? std::string(std::strerror(ENOENT)) : content.error()));
        return std::unexpected(ExitStatus::Error);
    }
    auto plan = plans::decode_plan(**content, path, codec);
    if (!plan) {
        ui.diagnostic(plan.error());
        return std::unexpected(ExitStatus::Error);
    }
    return std::move(*plan);
}

// Stores `state`, which holds what refresh found changed (`drifted` objects), changing no object.
ExitStatus store_refreshed_state(StackSession& session, State& state, std::size_t drifted) {
    if (auto written = session.write_state(state); written != ExitStatus::Ok) return written;
    Ui& ui = session.ui();
    std::string message = fmt::format("{} {} objects in state updated to match.", green("Apply complete!", ui.color()),
                                      drifted);
    if (ui.json()) ui.event("change_summary", "info", message, {{"changes", summary_json({}, "refresh")}});
    else ui.out("\n" + message + "\n");
    return ExitStatus::Ok;
}

ExitStatus apply_saved_plan(const ApplyOptions& options, StackSession& session) {
    Ui& ui = session.ui();
    if (session.configure_encryption(options.variables) != ExitStatus::Ok) return ExitStatus::Error;
    auto plan = load_plan_file(ui, options.plan_file, session.codec());
    if (!plan) return plan.error();
    if (plan->workspace != session.workspace()) {
        ui.diagnostic(make_error(fmt::format("this plan was made in workspace `{}`, not `{}`", plan->workspace,
                                             session.workspace()),
                                 fmt::format("select it (`plinth workspace select {}`) to apply {}", plan->workspace,
                                             options.plan_file)));
        return ExitStatus::Error;
    }
    ValueMap variables = plan->variables;
    if (plan->secrets_redacted) {
        auto restored = restore_plan_variables(session, *plan, options.variables);
        if (!restored) return restored.error();
        variables = std::move(*restored);
    }
    if (session.open_engine(variables) != ExitStatus::Ok) return ExitStatus::Error;
    if (plan->stack_fingerprint != session.engine().fingerprint()) {
        ui.diagnostic(make_error("the stack has changed since this plan was made",
                                 fmt::format("{} was planned from other stack files. Run `plinth plan` again.",
                                             options.plan_file)));
        return ExitStatus::Error;
    }
    auto lock = session.lock(plan->destroy ? "destroy" : "apply", options.lock);
    if (!lock) return lock.error();
    auto state = session.read_state(true);
    if (!state) return state.error();
    if (!plan_is_current(*plan, *state)) {
        ui.diagnostic(make_error(
            "saved plan is stale",
            fmt::format("{} was made against state serial {}, but state is now at serial {}{}. Run `plinth plan` again.",
                        options.plan_file, plan->prior_serial, state->serial,
                        plan->prior_lineage == state->lineage ? "" : " of another lineage")));
        return ExitStatus::Error;
    }
    if (refuse_blocked_plan(ui, *plan)) return ExitStatus::Error;
    if (plan->secrets_redacted) {
        auto fresh = replan_redacted(session, *plan, variables, options.planning.parallelism);
        if (!fresh) return fresh.error();
        *plan = std::move(fresh->plan);
        *state = std::move(fresh->state);
        if (refuse_blocked_plan(ui, *plan)) return ExitStatus::Error;
    }
    if (plan->refresh_only) {
        if (plan->drift.empty()) return ExitStatus::Ok;
        plans::record_drift(*state, plan->drift);
        return store_refreshed_state(session, *state, plan->drift.size());
    }
    return execute_plan(session, std::move(*plan), *state, options.planning.parallelism);
}

ExitStatus run_apply(const ApplyOptions& options, Ui& ui, bool destroy) {
    if (options.planning.json) ui.use_json();
    auto session = StackSession::open(ui);
    if (!session) return session.error();
    if (!options.plan_file.empty()) return apply_saved_plan(options, **session);

    auto variables = (*session)->resolve_variables(options.variables);
    if (!variables) return variables.error();
    auto lock = (*session)->lock(destroy ? "destroy" : "apply", options.lock);
    if (!lock) return lock.error();
    auto run = refresh_and_plan(**session, options.planning, *variables, destroy, true);
    if (!run) return run.error();
    show_plan(ui, *run, options.planning.refresh_only);
    if (options.planning.refresh_only) {
        if (run->drift.empty()) return ExitStatus::Ok;
        if (!confirm(ui, "Would you like to update the plinth state to reflect these detected changes?",
                     "plinth will write these changes to the state without changing any real object.",
                     options.auto_approve))
            return ExitStatus::Error;
        return store_refreshed_state(**session, run->state, run->drift.size());
    }
    if (refuse_blocked_plan(ui, run->plan)) return ExitStatus::Error;
    if (!run->plan.has_changes()) {
        bool refreshed = run->refresh_changed_state;
        // A state stored before encryption was turned on, or with the fallback key, is stored anew.
        bool reencrypt = !(*session)->state_store().stored_as_configured();
        if (!refreshed && !reencrypt) return ExitStatus::Ok;
        if (auto written = (*session)->write_state(run->state); written != ExitStatus::Ok) return written;
        if (reencrypt) ui.out("\nState stored again, encrypted with the configured key.\n");
        return ExitStatus::Ok;
    }
    bool approved = destroy ? confirm(ui, "Do you really want to destroy all resources?",
                                      "plinth will destroy all your managed infrastructure, as shown above.",
                                      options.auto_approve)
                            : confirm(ui, "Do you want to perform these actions?",
                                      "plinth will perform the actions described above.", options.auto_approve);
    if (!approved) return ExitStatus::Error;
    return execute_plan(**session, std::move(run->plan), run->state, options.planning.parallelism);
}

enum class RunKind { Apply, Destroy, Refresh };

Command make_run_command(CLI::App& parent, RunKind kind) {
    auto options = std::make_shared<ApplyOptions>();
    CLI::App* app =
        kind == RunKind::Destroy ? parent.add_subcommand("destroy", "Destroy everything this stack manages")
        : kind == RunKind::Refresh
            ? parent.add_subcommand("refresh", "Record in state what changed outside plinth (apply --refresh-only "
                                               "--auto-approve)")
            : parent.add_subcommand("apply", "Apply a saved plan, or plan and apply after approval");
    add_variable_options(*app, options->variables);
    add_lock_options(*app, options->lock);
    add_planning_options(*app, options->planning);
    if (kind != RunKind::Refresh) app->add_flag("--auto-approve", options->auto_approve, "Skip the interactive approval");
    if (kind == RunKind::Apply) app->add_option("PLANFILE", options->plan_file, "A plan saved by `plinth plan --out`");
    return {app, [options, kind](Ui& ui) {
                if (kind == RunKind::Refresh) {
                    options->planning.refresh_only = true;
                    options->auto_approve = true;
                }
                return run_apply(*options, ui, kind == RunKind::Destroy);
            }};
}

}  // namespace

Command make_apply_command(CLI::App& parent) { return make_run_command(parent, RunKind::Apply); }
Command make_destroy_command(CLI::App& parent) { return make_run_command(parent, RunKind::Destroy); }
Command make_refresh_command(CLI::App& parent) { return make_run_command(parent, RunKind::Refresh); }

}  // namespace plinth::cli
