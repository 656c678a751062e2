// plans/targets.h: `--target ADDRESS` and `--exclude ADDRESS`: narrowing a plan. An address names
// an instance (`web[0]`), a resource with all its instances (`web`), or a module call or instance
// with everything inside (`module.site`, `module.site["blog"]`). With targets, the plan keeps
// them and what they depend on (for destroy: what depends on them); with excludes, it keeps
// everything but them and what depends on them (for destroy: what they depend on). Changes left
// out are dropped, objects already in state keep their recorded values, and outputs are left as
// they are.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "plans/config_graph.h"
#include "plans/plan.h"

namespace plinth::plans {

// An error per address that is not one; `option` names it in the message ("--target").
Diagnostics check_targets(const std::vector<std::string>& targets, std::string_view option = "--target");

void restrict_to_targets(Plan& plan, const std::vector<std::string>& targets, const ConfigGraph& graph);
void exclude_from_plan(Plan& plan, const std::vector<std::string>& excludes, const ConfigGraph& graph);

}  // namespace plinth::plans
