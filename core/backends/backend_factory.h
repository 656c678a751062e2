// core/backends/backend_factory.h: opening the backend a `backend:` block names. Each remote
// backend lives in its own folder (core/backends/http, pg, s3) and reads its own settings.
#pragma once

#include <expected>
#include <filesystem>
#include <memory>

#include "core/diagnostics.h"
#include "core/stack/stack.h"
#include "core/state/backend.h"

namespace plinth::backends {

// The backend of `decl` for the stack in `stack_dir` (where local state files and the journals of
// remote backends live). Errors: an unknown type, bad settings, at their file:line:column.
std::expected<std::unique_ptr<Backend>, Diagnostic> open_backend(const BackendDecl& decl,
                                                                 const std::filesystem::path& stack_dir);

}  // namespace plinth::backends
