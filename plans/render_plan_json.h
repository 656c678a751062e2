// plans/render_plan_json.h: `plinth show --json`: a saved plan in Terraform's JSON plan
// representation (format_version, planned_values, resource_changes, resource_drift,
// output_changes, prior_state, configuration as far as a plan knows it) and the state in
// Terraform's JSON state representation, so that policy checkers (OPA/conftest), cost and review
// tools written for `terraform show -json` read plinth's. Departures, all written down in
// docs/json-output.md: addresses are plinth's (`web[0]`, not `local_file.web[0]`), and
// sensitive values are left out, never written.
#pragma once

#include <string>

#include "core/state/state.h"
#include "plans/plan.h"

namespace plinth::plans {

// The Terraform release whose JSON representations these follow; written as `terraform_version`
// because consumers check that field.
inline constexpr const char* k_terraform_json_compat = "1.5.7";

std::string render_plan_json(const Plan& plan);
std::string render_state_json(const State& state);

}  // namespace plinth::plans
