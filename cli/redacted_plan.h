// cli/redacted_plan.h: applying a saved plan whose file left its sensitive values out
// (plans/plan_secrets.h). The sensitive variables are given again, the plan is made afresh
// against the same state (refreshed as the saved one was, with its targets, excludes and
// replacements), and it is applied only when it does what the saved plan said.
#pragma once

#include <expected>

#include "cli/exit_status.h"
#include "cli/options.h"
#include "cli/run_steps.h"
#include "cli/stack_session.h"
#include "plans/plan.h"

namespace plinth::cli {

// The saved plan's variables, with each sensitive one it left out taken from PLINTH_VAR_*,
// --var-file, --var or its default; an error names every one that has no value.
std::expected<ValueMap, ExitStatus> restore_plan_variables(StackSession& session, const plans::Plan& saved,
                                                           const VariableOptions& given);

// The fresh plan and the refreshed state it was made from, under the lock the caller holds; an
// error saying where it departs from `saved` when it does not do the same.
std::expected<PlannedRun, ExitStatus> replan_redacted(StackSession& session, const plans::Plan& saved,
                                                      const ValueMap& variables, std::size_t parallelism);

}  // namespace plinth::cli
