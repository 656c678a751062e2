#include "core/backends/http/http_backend.h"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/backends/http/http_exchange.h"
#include "core/backends/http/http_state_blob.h"
#include "core/state/blob_state_store.h"
#include "core/state/workspaces.h"

namespace plinth::backends {
namespace {

// The names in a workspaces_address answer: a JSON array of strings. `default` comes first and
// always; the others sorted, names plinth would refuse left out.
std::expected<std::vector<std::string>, std::string> parse_workspace_list(const std::string& body) {
    auto json = nlohmann::json::parse(body, nullptr, false);
    if (!json.is_array()) return std::unexpected("the answer is not a JSON array of workspace names");
    std::vector<std::string> names{"default"};
    for (const auto& entry : json) {
        if (!entry.is_string()) return std::unexpected("the answer is not a JSON array of workspace names");
        std::string name = entry.get<std::string>();
        if (name != "default" && check_workspace_name(name)) names.push_back(std::move(name));
    }
    std::sort(names.begin() + 1, names.end());
    names.erase(std::unique(names.begin() + 1, names.end()), names.end());
    return names;
}

}  // namespace

HttpBackend::HttpBackend(HttpBackendConfig config, std::filesystem::path stack_dir, net::HttpClient client)
    : m_config(std::move(config)), m_stack_dir(std::move(stack_dir)), m_client(std::move(client)) {}

std::string HttpBackend::describe() const { return "http " + m_config.address; }

std::expected<std::vector<std::string>, Diagnostic> HttpBackend::workspaces() {
    if (!m_config.per_workspace()) return std::vector<std::string>{"default"};
    if (m_config.workspaces_address.empty())
        return std::unexpected(make_error("this http backend cannot list its workspaces",
                                          "Terraform's protocol has no way to list states. Set `workspaces_address` "
                                          "to a URL whose GET answers a JSON array of the workspace names, if the "
                                          "server has one; `plinth workspace select NAME` works without it.",
                                          m_config.location));
    const std::string doing = "list the workspaces";
    auto request = make_http_backend_request(m_config, "GET", m_config.workspaces_address);
    auto response = send_http_backend_request(m_config, m_client, doing, request);
    if (!response) return std::unexpected(response.error());
    if (response->status != 200) return std::unexpected(http_backend_refusal(m_config, doing, request, *response));
    auto names = parse_workspace_list(response->body);
    if (names) return std::move(*names);
    return std::unexpected(make_error(fmt::format("cannot {}: {}", doing, names.error()),
                                      fmt::format("GET {} answered: {}", m_config.workspaces_address,
                                                  response->body.substr(0, 200)),
                                      m_config.location));
}

std::expected<bool, Diagnostic> HttpBackend::has_workspace(const std::string& workspace) {
    if (workspace == "default") return true;
    if (!m_config.per_workspace()) return false;
    HttpStateBlob blob(config_for_workspace(m_config, workspace), m_client);
    auto stored = blob.get();
    if (!stored) return std::unexpected(stored.error());
    return stored->has_value();
}

std::expected<std::unique_ptr<StateStore>, Diagnostic> HttpBackend::open(const std::string& workspace) {
    auto config = config_of(workspace);
    if (!config) return std::unexpected(config.error());
    return std::make_unique<BlobStateStore>(std::make_unique<HttpStateBlob>(std::move(*config), m_client),
                                            remote_journal_path(m_stack_dir, type(), workspace));
}

std::expected<void, Diagnostic> HttpBackend::delete_workspace(const std::string& workspace) {
    auto config = config_of(workspace);
    if (!config) return std::unexpected(config.error());
    const std::string doing = fmt::format("delete workspace `{}`", workspace);
    auto request = make_http_backend_request(*config, "DELETE", config->address);
    auto response = send_http_backend_request(*config, m_client, doing, request);
    if (!response) return std::unexpected(response.error());
    if (!response->ok() && response->status != 404)
        return std::unexpected(http_backend_refusal(*config, doing, request, *response));
    return {};
}

std::expected<HttpBackendConfig, Diagnostic> HttpBackend::config_of(const std::string& workspace) const {
    if (m_config.per_workspace()) return config_for_workspace(m_config, workspace);
    if (workspace == "default") return m_config;
    return std::unexpected(make_error(
        fmt::format("the http backend has no workspace `{}`: it has only `default`", workspace),
        fmt::format("With fixed addresses Terraform's http protocol keeps one state. Put `{}` in `address`, "
                    "`lock_address` and `unlock_address` (for GitLab: .../terraform/state/{}) to give each "
                    "workspace its own state.",
                    k_workspace_placeholder, k_workspace_placeholder),
        m_config.location));
}

std::expected<std::unique_ptr<Backend>, Diagnostic> open_http_backend(const BackendDecl& decl,
                                                                      const std::filesystem::path& stack_dir) {
    auto config = read_http_backend_config(decl);
    if (!config) return std::unexpected(config.error());
    return std::make_unique<HttpBackend>(std::move(*config), stack_dir);
}

}  // namespace plinth::backends
