// plans/import_blocks.h: the stack's `import:` blocks at plan time. Each `{to, id}` whose address
// state does not hold yet is imported through its provider (plans/import.h) while planning, so
// the plan shows it as "will be imported" and plans any update against what was read; apply
// then records it. Blocks whose address state already holds are done and ignored.
#pragma once

#include <expected>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/stack/module_tree.h"
#include "core/state/state.h"
#include "plans/config_graph.h"
#include "plans/provider_set.h"

namespace plinth::plans {

struct ImportBlocksRequest {
    const ModuleNode& root;
    const ConfigGraph& graph;
    const State& state;
    const ValueMap& variables;  // for the ids' expressions
    const std::string& workspace;
};

// The objects to adopt, read through their providers; errors point at the import block.
std::expected<std::vector<ResourceState>, Diagnostics> read_import_blocks(const ImportBlocksRequest& request,
                                                                          ProviderSet& providers);

}  // namespace plinth::plans
