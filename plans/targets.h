// plans/targets.h: `--target ADDRESS`: narrowing a plan to some objects. A target names an
// instance (`web[0]`), a resource with all its instances (`web`), or a module call or instance
// with everything inside (`module.site`, `module.site["blog"]`). The plan keeps the targets and
// what they depend on (for destroy: what depends on them); every other change is left out,
// objects already in state keep their recorded values, and outputs are left as they are.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "plans/config_graph.h"
#include "plans/plan.h"

namespace plinth::plans {

// An error per target that is not an address.
Diagnostics check_targets(const std::vector<std::string>& targets);

void restrict_to_targets(Plan& plan, const std::vector<std::string>& targets, const ConfigGraph& graph);

}  // namespace plinth::plans
