// cli/json_plan_view.h: a plan as `--json` events: "resource_drift" for what refresh found
// changed outside plinth, "planned_change" for each change (moves, forgets and imports too),
// "change_summary", "outputs" for planned output changes, and "policy_failed" and
// "policy_summary" when policies were checked (docs/json-output.md).
#pragma once

#include <vector>

#include "cli/ui.h"
#include "plans/drift.h"
#include "plans/plan.h"

namespace plinth::cli {

// `plan` is null for a refresh-only plan, which has only drift.
void emit_plan_events(Ui& ui, const std::vector<plans::Drift>& drift, const plans::Plan* plan);

}  // namespace plinth::cli
