// core/backends/backend_record.h: which backend `plinth init` set up for a stack, kept in
// .plinth/backend.json ({"type": ..., "settings": {...}}). Commands open the recorded backend, so
// that editing the `backend:` block never silently points a stack at an empty state: until
// `plinth init` (with --migrate-state to copy the states) records the new block, they refuse.
#pragma once

#include <expected>
#include <filesystem>
#include <optional>

#include "core/diagnostics.h"
#include "core/stack/stack.h"

namespace plinth::backends {

// The recorded backend; nullopt when `plinth init` never recorded one.
std::expected<std::optional<BackendDecl>, Diagnostic> read_backend_record(const std::filesystem::path& stack_dir);

// Records `decl` atomically.
std::expected<void, Diagnostic> write_backend_record(const std::filesystem::path& stack_dir, const BackendDecl& decl);

// The backend commands use: the recorded one, else the implicit local backend.
std::expected<BackendDecl, Diagnostic> active_backend(const std::filesystem::path& stack_dir);

// An error telling the user to run `plinth init` when the stack's `backend:` block is not the
// active backend.
std::expected<BackendDecl, Diagnostic> check_backend_initialized(const Stack& stack);

}  // namespace plinth::backends
