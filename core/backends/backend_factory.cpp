#include "core/backends/backend_factory.h"

#include <fmt/format.h>

#include "core/backends/settings/backend_settings.h"
#include "core/backends/http/http_backend.h"
#include "core/backends/pg/pg_backend.h"
#include "core/backends/s3/s3_backend.h"
#include "core/state/local_backend.h"
#include "core/state/workspaces.h"

namespace plinth::backends {

namespace {

std::expected<std::unique_ptr<Backend>, Diagnostic> open_local(const BackendDecl& decl,
                                                               const std::filesystem::path& stack_dir) {
    auto settings = BackendSettings::read(decl, {"path"});
    if (!settings) return std::unexpected(settings.error());
    std::filesystem::path path = settings->text("path").value_or(k_default_state_file);
    return std::make_unique<LocalBackend>(stack_dir, (stack_dir / path).lexically_normal());
}

}  // namespace

std::expected<std::unique_ptr<Backend>, Diagnostic> open_backend(const BackendDecl& decl,
                                                                 const std::filesystem::path& stack_dir) {
    if (decl.type == "local") return open_local(decl, stack_dir);
    if (decl.type == "http") return open_http_backend(decl, stack_dir);
    if (decl.type == "pg") return open_pg_backend(decl, stack_dir);
    if (decl.type == "s3") return open_s3_backend(decl, stack_dir);
    return std::unexpected(make_error(fmt::format("unknown backend type `{}`", decl.type),
                                      "one of: local, http, pg, s3",
                                      decl.location));
}

}  // namespace plinth::backends
