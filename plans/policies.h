// plans/policies.h: policies at plan time (plinth ships what Terraform leaves to a paid product).
// Every policy, from the stack's `policies:` and from `--policy-dir`, is evaluated with the
// stack's expression language against each planned change of its resource types, with the names
// `before`, `after` (null when absent), `actions` (["create"], ["delete", "create"], ...),
// `address` and `type`. A false condition is a failure carrying the policy's message; a condition
// that depends on values known only after apply passes. The results go into the plan: a mandatory
// failure blocks it (exit 1), an advisory one warns.
#pragma once

#include <filesystem>
#include <vector>

#include "core/diagnostics.h"
#include "core/stack/stack.h"
#include "plans/plan.h"

namespace plinth::plans {

// Records checks and failures in `plan`; a condition that cannot be evaluated, or is not a bool,
// is an error at the policy. `base_dir` is where file() and friends look.
Diagnostics check_policies(const std::vector<PolicyDecl>& policies, Plan& plan, const std::filesystem::path& base_dir);

}  // namespace plinth::plans
