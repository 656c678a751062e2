// core/backends/s3/s3_backend.h: the `s3` backend: one object per workspace in an S3 bucket
// (s3_settings.h says where), locked by a DynamoDB item or a lock object (s3_lock_store.h).
#pragma once

#include <expected>
#include <filesystem>
#include <memory>

#include "core/diagnostics.h"
#include "core/stack/stack.h"
#include "core/state/backend.h"

namespace plinth::backends {

// The s3 backend of `decl`, its credentials found (core/aws/credentials.h); journals go under
// `stack_dir`. Nothing is sent until a workspace is used.
std::expected<std::unique_ptr<Backend>, Diagnostic> open_s3_backend(const BackendDecl& decl,
                                                                    const std::filesystem::path& stack_dir);

}  // namespace plinth::backends
