// core/backends/http/http_backend.h: the `http` backend, Terraform's http backend protocol
// (GitLab-managed Terraform state and similar servers work unchanged). With fixed addresses it has
// only the `default` workspace, like Terraform's; with `{workspace}` in them each workspace has
// its own state, lock and URLs, and `workspaces_address` (when the server offers one) lists them.
#pragma once

#include <filesystem>

#include "core/backends/http/http_backend_config.h"
#include "core/net/http_client.h"
#include "core/state/backend.h"

namespace plinth::backends {

class HttpBackend final : public Backend {
public:
    // `stack_dir` holds the crash journals (.plinth/journals/http/WORKSPACE.journal); every request
    // goes through `client`.
    HttpBackend(HttpBackendConfig config, std::filesystem::path stack_dir, net::HttpClient client = {});

    std::string type() const override { return "http"; }
    std::string describe() const override;
    std::expected<std::vector<std::string>, Diagnostic> workspaces() override;
    // Asks the workspace's own address, so that it works without `workspaces_address`.
    std::expected<bool, Diagnostic> has_workspace(const std::string& workspace) override;
    std::expected<std::unique_ptr<StateStore>, Diagnostic> open(const std::string& workspace) override;
    // DELETE on the workspace's address, as Terraform's protocol removes a state.
    std::expected<void, Diagnostic> delete_workspace(const std::string& workspace) override;

private:
    std::expected<HttpBackendConfig, Diagnostic> config_of(const std::string& workspace) const;

    HttpBackendConfig m_config;
    std::filesystem::path m_stack_dir;
    net::HttpClient m_client;
};

// The http backend of `decl`, errors in its settings at their file:line:column.
std::expected<std::unique_ptr<Backend>, Diagnostic> open_http_backend(const BackendDecl& decl,
                                                                      const std::filesystem::path& stack_dir);

}  // namespace plinth::backends
