// cli/workspace_selection.h: which workspace a command works in: PLINTH_WORKSPACE (which
// `--workspace` sets), else the one `plinth workspace select` recorded in .plinth/environment,
// else `default`.
#pragma once

#include <expected>
#include <filesystem>
#include <string>

#include "core/diagnostics.h"

namespace plinth::cli {

// The selected workspace; an error when it does not exist (`default` always does).
std::expected<std::string, Diagnostic> current_workspace(const std::filesystem::path& stack_dir);

// The state file of the current workspace of the stack in `stack_dir`.
std::expected<std::filesystem::path, Diagnostic> current_state_path(const std::filesystem::path& stack_dir);

// Where the choice came from, for messages: "PLINTH_WORKSPACE" or ".plinth/environment".
std::string workspace_source(const std::filesystem::path& stack_dir);

// Records `name` in .plinth/environment (atomically).
std::expected<void, Diagnostic> record_selected_workspace(const std::filesystem::path& stack_dir,
                                                          const std::string& name);

}  // namespace plinth::cli
