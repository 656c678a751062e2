// plans/plan_file.h: the saved plan file (`plinth plan --out FILE`): JSON that holds every field
// of a Plan, values in tagged form so unknowns and sensitive marks survive. Reading checks the
// format marker and plinth version first and refuses anything else.
#pragma once

#include <expected>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "plans/plan.h"

namespace plinth::plans {

inline constexpr int k_plan_format_version = 4;

// Pretty-printed JSON with a trailing newline.
std::string serialize_plan(const Plan& plan);

// `origin` names the source in diagnostics (a path). A file that is not a plinth plan, one from
// another plan format or plinth version, and a damaged one are each a clear error.
std::expected<Plan, Diagnostic> parse_plan(std::string_view text, const std::string& origin);

}  // namespace plinth::plans
