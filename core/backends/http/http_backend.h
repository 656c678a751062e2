// core/backends/http/http_backend.h: the `http` backend, Terraform's http backend protocol
// (GitLab-managed Terraform state and similar servers work unchanged). Like Terraform's, it has
// only the `default` workspace: the protocol keeps one state per address and cannot list others.
#pragma once

#include <filesystem>

#include "core/backends/http/http_backend_config.h"
#include "core/state/backend.h"

namespace plinth::backends {

class HttpBackend final : public Backend {
public:
    // `stack_dir` holds the crash journal (.plinth/journals/http/default.journal).
    HttpBackend(HttpBackendConfig config, std::filesystem::path stack_dir);

    std::string type() const override { return "http"; }
    std::string describe() const override;
    std::expected<std::vector<std::string>, Diagnostic> workspaces() override;
    std::expected<std::unique_ptr<StateStore>, Diagnostic> open(const std::string& workspace) override;
    std::expected<void, Diagnostic> delete_workspace(const std::string& workspace) override;

private:
    Diagnostic only_default(const std::string& workspace) const;

    HttpBackendConfig m_config;
    std::filesystem::path m_stack_dir;
};

// The http backend of `decl`, errors in its settings at their file:line:column.
std::expected<std::unique_ptr<Backend>, Diagnostic> open_http_backend(const BackendDecl& decl,
                                                                      const std::filesystem::path& stack_dir);

}  // namespace plinth::backends
