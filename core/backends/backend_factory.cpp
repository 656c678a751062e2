#include "core/backends/backend_factory.h"

#include <fmt/format.h>

#include "core/backends/backend_settings.h"
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
    return std::unexpected(make_error(fmt::format("unknown backend type `{}`", decl.type), "one of: local",
                                      decl.location));
}

}  // namespace plinth::backends
