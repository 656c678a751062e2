// plans/render_markdown.h: a plan as a compact Markdown summary for pull-request comments
// (`plinth show --format markdown PLANFILE`): the counts, a table of changes grouped by action,
// and each resource's diff in a collapsible <details> block. Sensitive values stay masked, as in
// the terminal.
#pragma once

#include <string>

#include "plans/plan.h"

namespace plinth::plans {

std::string render_plan_markdown(const Plan& plan);

}  // namespace plinth::plans
