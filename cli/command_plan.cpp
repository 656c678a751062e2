// `plinth plan`: show what apply would do; --out saves the plan for `apply FILE`;
// --detailed-exitcode answers 0 (no changes), 2 (changes) or 1 (error).
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <memory>

#include "cli/command.h"
#include "cli/run_steps.h"
#include "core/state/atomic_file.h"
#include "plans/plan_file.h"

namespace plinth::cli {

namespace {

struct PlanOptions {
    VariableOptions variables;
    LockOptions lock;
    PlanningOptions planning;
    std::string out;
    bool detailed_exitcode = false;
    bool destroy = false;
};

ExitStatus run_plan(const PlanOptions& options, Ui& ui) {
    if (options.planning.json) ui.use_json();
    auto session = StackSession::open(ui);
    if (!session) return session.error();
    auto variables = (*session)->resolve_variables(options.variables);
    if (!variables) return variables.error();
    auto lock = (*session)->lock("plan", options.lock);
    if (!lock) return lock.error();
    auto run = refresh_and_plan(**session, options.planning, *variables, options.destroy, false);
    if (!run) return run.error();
    show_plan(ui, *run, options.planning.refresh_only);
    if (options.planning.refresh_only)
        run->plan = (*session)->engine().refresh_only_plan(run->state, *variables, std::move(run->drift));
    if (refuse_blocked_plan(ui, run->plan)) return ExitStatus::Error;

    if (!options.out.empty()) {
        auto encoded = plans::encode_plan(run->plan, (*session)->codec());
        if (auto saved = write_file_atomically(options.out, encoded.bytes); !saved) {
            ui.diagnostic(make_error(fmt::format("cannot save the plan to {}", options.out), saved.error()));
            return ExitStatus::Error;
        }
        ui.out(fmt::format("\nSaved the plan to: {}\n\nTo perform exactly these actions, run:\n    plinth apply {}\n",
                           options.out, options.out));
        if (encoded.secrets_left_out)
            ui.out("\nThe file leaves out the plan's sensitive values (configure `encryption:` to keep them):\n"
                   "apply takes its sensitive variables again (PLINTH_VAR_name, --var, --var-file) and\n"
                   "plans afresh, going on only if that plan does the same.\n");
    }
    if (options.detailed_exitcode && run->plan.has_changes()) return ExitStatus::ChangesPresent;
    return ExitStatus::Ok;
}

}  // namespace

Command make_plan_command(CLI::App& parent) {
    auto options = std::make_shared<PlanOptions>();
    CLI::App* app = parent.add_subcommand("plan", "Show what apply would do");
    add_variable_options(*app, options->variables);
    add_lock_options(*app, options->lock);
    add_planning_options(*app, options->planning);
    app->add_option("--out", options->out, "Save the plan to this file for `plinth apply FILE`");
    app->add_flag("--detailed-exitcode", options->detailed_exitcode, "Exit 0 for no changes, 2 for changes, 1 on error");
    app->add_flag("--destroy", options->destroy, "Plan the removal of everything in state");
    return {app, [options](Ui& ui) { return run_plan(*options, ui); }};
}

}  // namespace plinth::cli
