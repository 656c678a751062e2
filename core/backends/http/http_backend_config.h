// core/backends/http/http_backend_config.h: the settings of the `http` backend, as Terraform's
// http backend names them (address, update_method, lock_address, lock_method, unlock_address,
// unlock_method, username, password, skip_cert_verification, retry_max, retry_wait_min,
// retry_wait_max, plus plinth's workspaces_address), each with the environment fallbacks
// PLINTH_HTTP_<NAME> and TF_HTTP_<NAME>; the addresses of one workspace; and the URL a state update
// goes to while locked.
#pragma once

#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/net/http_message.h"
#include "core/net/retry_policy.h"
#include "core/stack/stack.h"

namespace plinth::backends {

// What `address`, `lock_address` and `unlock_address` may hold to give every workspace a state of
// its own: each workspace's URLs have its name in place of it (`default` for the default one).
inline constexpr std::string_view k_workspace_placeholder = "{workspace}";

struct HttpBackendConfig {
    std::string address;                 // GET, update and DELETE go here
    std::string update_method = "POST";  // how the state is stored
    std::string lock_address;            // empty: no locking (as Terraform)
    std::string lock_method = "LOCK";
    std::string unlock_address;  // empty only when lock_address is too
    std::string unlock_method = "UNLOCK";
    std::optional<net::BasicAuth> basic_auth;
    bool skip_cert_verification = false;
    net::RetryPolicy retry;   // retry_max further tries, waits from retry_wait_min to retry_wait_max
    // GET answers a JSON array of the workspaces' names (plinth's own addition to the protocol);
    // empty: the workspaces cannot be listed. Only with per-workspace addresses.
    std::string workspaces_address;
    SourceLocation location;  // of the `backend:` block, where network errors point

    // Whether the addresses hold k_workspace_placeholder; otherwise there is only `default`.
    bool per_workspace() const;
};

// The settings of an `http` backend block, each error at its setting (or at the block when the
// value came from the environment).
std::expected<HttpBackendConfig, Diagnostic> read_http_backend_config(const BackendDecl& decl);

// `config` for `workspace`: every address with the workspace's name in place of the placeholder.
HttpBackendConfig config_for_workspace(HttpBackendConfig config, const std::string& workspace);

// `url` with the query parameter ID=<lock_id> added (percent-encoded), after any query it has.
std::string url_with_lock_id(std::string_view url, std::string_view lock_id);

}  // namespace plinth::backends
