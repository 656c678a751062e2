// core/state/workspaces.h: workspaces of the local backend: several states for one stack
// (`plinth workspace new staging`). The `default` workspace's state is plinth.state.json in the
// stack directory, as before workspaces existed; workspace NAME's is
// plinth.state.d/NAME/plinth.state.json (its lock and journal beside it).
#pragma once

#include <expected>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"

namespace plinth {

inline constexpr const char* k_default_state_file = "plinth.state.json";
inline constexpr const char* k_workspace_states_dir = "plinth.state.d";

// Letters, digits, `-`, `_` and `.`, not starting with `.`, at most 90 characters.
std::expected<void, Diagnostic> check_workspace_name(std::string_view name);

std::filesystem::path local_state_path(const std::filesystem::path& stack_dir, const std::string& workspace);

// `default` and every workspace with a directory under plinth.state.d, sorted.
std::vector<std::string> local_workspaces(const std::filesystem::path& stack_dir);
bool local_workspace_exists(const std::filesystem::path& stack_dir, const std::string& name);

}  // namespace plinth
