// plans/import.h: adopting an object that already exists into state (`plinth import ADDRESS ID`):
// the address must name a managed resource the stack declares (with an instance key exactly when
// it or its module has count/for_each) that state does not hold yet; its provider imports the
// object by id, and the result is recorded as if plinth had created it.
#pragma once

#include <expected>
#include <string>

#include "core/diagnostics.h"
#include "core/stack/module_tree.h"
#include "core/state/state.h"
#include "plans/config_graph.h"
#include "plans/provider_set.h"

namespace plinth::plans {

struct ImportRequest {
    const ModuleNode& root;
    const ConfigGraph& graph;
    const State& state;
    std::string address;  // "rest_object.user" is written `user`; `module.app.user`, `user[0]`
    std::string id;       // the provider's id for the object
};

// The object as state should record it; nothing is written.
std::expected<ResourceState, Diagnostics> import_resource(const ImportRequest& request, ProviderSet& providers);

}  // namespace plinth::plans
