#include "core/backends/http/http_backend.h"

#include <fmt/format.h>

#include "core/backends/http/http_state_blob.h"
#include "core/state/blob_state_store.h"

namespace plinth::backends {

HttpBackend::HttpBackend(HttpBackendConfig config, std::filesystem::path stack_dir)
    : m_config(std::move(config)), m_stack_dir(std::move(stack_dir)) {}

std::string HttpBackend::describe() const { return "http " + m_config.address; }

std::expected<std::vector<std::string>, Diagnostic> HttpBackend::workspaces() {
    return std::vector<std::string>{"default"};
}

std::expected<std::unique_ptr<StateStore>, Diagnostic> HttpBackend::open(const std::string& workspace) {
    if (workspace != "default") return std::unexpected(only_default(workspace));
    return std::make_unique<BlobStateStore>(std::make_unique<HttpStateBlob>(m_config, net::HttpClient{}),
                                            remote_journal_path(m_stack_dir, type(), workspace));
}

std::expected<void, Diagnostic> HttpBackend::delete_workspace(const std::string& workspace) {
    return std::unexpected(only_default(workspace));
}

Diagnostic HttpBackend::only_default(const std::string& workspace) const {
    return make_error(fmt::format("the http backend has no workspace `{}`: it has only `default`", workspace),
                      "Terraform's http protocol keeps one state per address and cannot list others. Give each "
                      "environment its own stack directory with its own `address` (for GitLab, "
                      ".../terraform/state/NAME).",
                      m_config.location);
}

std::expected<std::unique_ptr<Backend>, Diagnostic> open_http_backend(const BackendDecl& decl,
                                                                      const std::filesystem::path& stack_dir) {
    auto config = read_http_backend_config(decl);
    if (!config) return std::unexpected(config.error());
    return std::make_unique<HttpBackend>(std::move(*config), stack_dir);
}

}  // namespace plinth::backends
