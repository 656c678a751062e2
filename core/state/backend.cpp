#include "core/state/backend.h"

#include <algorithm>

namespace plinth {

std::expected<bool, Diagnostic> Backend::has_workspace(const std::string& workspace) {
    if (workspace == "default") return true;
    auto known = workspaces();
    if (!known) return std::unexpected(known.error());
    return std::find(known->begin(), known->end(), workspace) != known->end();
}

}  // namespace plinth
