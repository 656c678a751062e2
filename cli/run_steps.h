// cli/run_steps.h: the steps plan, apply and destroy share: refresh and plan under the lock,
// ask for approval, and execute a plan with progress, journal and the final state write.
#pragma once

#include <expected>
#include <string>

#include "cli/exit_status.h"
#include "cli/options.h"
#include "cli/stack_session.h"
#include "plans/drift.h"
#include "plans/plan.h"

namespace plinth::cli {

struct PlannedRun {
    State state;  // refreshed
    plans::Plan plan;  // empty with --refresh-only
    std::vector<plans::Drift> drift;  // what refresh found changed outside plinth
    bool refresh_changed_state = false;  // refresh left the state different from the state as read
};

// Reads state (folding in a journal when `holding_lock_to_apply`), refreshes unless told not to,
// and plans (unless --refresh-only). Renders nothing.
std::expected<PlannedRun, ExitStatus> refresh_and_plan(StackSession& session, const PlanningOptions& options,
                                                        const ValueMap& variables, bool destroy,
                                                        bool holding_lock_to_apply);

// Checks the stack's policies and those of `policy_dir` (when given) against `plan`, recording
// the results in it; an error when a policy cannot be read or evaluated.
ExitStatus check_plan_policies(StackSession& session, const std::string& policy_dir, plans::Plan& plan);

// True, after an error saying so, when a mandatory policy failed: the plan is neither saved nor
// applied.
bool refuse_blocked_plan(Ui& ui, const plans::Plan& plan);

// True when the user approved (or --auto-approve). Without a terminal and without
// --auto-approve it refuses with an error saying what to do instead.
bool confirm(Ui& ui, const std::string& question, const std::string& explanation, bool auto_approve);

// Applies `plan` to `state`, showing progress, then writes state and prints the summary and
// outputs. Exit status 1 when any step failed, 130 when interrupted.
ExitStatus execute_plan(StackSession& session, plans::Plan plan, State& state, std::size_t parallelism);

// Human text of the drift refresh found, then of the plan (or the "No changes" message); with
// `refresh_only`, what applying the refresh would do to state.
void show_plan(Ui& ui, const PlannedRun& run, bool refresh_only);

}  // namespace plinth::cli
