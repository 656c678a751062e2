// cli/workspace_selection.h: which backend and workspace a command works in. The backend is the
// one `plinth init` recorded (core/backends/backend_record.h), else the local one; the workspace
// is PLINTH_WORKSPACE (which `--workspace` sets), else the one `plinth workspace select` recorded
// in .plinth/environment, else `default`.
#pragma once

#include <expected>
#include <filesystem>
#include <memory>
#include <string>

#include "core/diagnostics.h"
#include "core/state/backend.h"

namespace plinth::cli {

// The backend `plinth init` set up for the stack in `stack_dir` (the local one by default).
std::expected<std::unique_ptr<Backend>, Diagnostic> open_active_backend(const std::filesystem::path& stack_dir);

// The selected workspace; an error when `backend` has no such workspace (`default` always exists).
std::expected<std::string, Diagnostic> current_workspace(const std::filesystem::path& stack_dir, Backend& backend);

// The state store of the current workspace of the stack in `stack_dir`, in its active backend.
std::expected<std::unique_ptr<StateStore>, Diagnostic> open_current_state(const std::filesystem::path& stack_dir);

// Where the choice came from, for messages: "PLINTH_WORKSPACE" or ".plinth/environment".
std::string workspace_source(const std::filesystem::path& stack_dir);

// The workspace recorded in .plinth/environment (`default` when none is).
std::string recorded_workspace(const std::filesystem::path& stack_dir);

// Records `name` in .plinth/environment (atomically).
std::expected<void, Diagnostic> record_selected_workspace(const std::filesystem::path& stack_dir,
                                                          const std::string& name);

}  // namespace plinth::cli
