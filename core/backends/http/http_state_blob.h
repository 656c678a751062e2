// core/backends/http/http_state_blob.h: one state behind Terraform's http backend protocol.
// GET address reads it (404 or 204: none yet); update_method (POST) address stores it, with
// ?ID=<lock id> while locked; lock_method (LOCK) lock_address takes the lock with the lock-info
// JSON as body (200: taken; 423 or 409: held by the run whose lock info the body is);
// unlock_method (UNLOCK) unlock_address releases it with the same body. Without lock_address
// nothing is locked. Protocol and server expectations: docs/backends.md.
#pragma once

#include <memory>

#include "core/backends/http/http_backend_config.h"
#include "core/net/http_client.h"
#include "core/state/state_blob.h"

namespace plinth::backends {

// The settings and client a blob and its live lock share (http_state_blob.cpp).
struct HttpConnection;

class HttpStateBlob final : public StateBlob {
public:
    HttpStateBlob(HttpBackendConfig config, net::HttpClient client);

    std::string describe() const override;
    std::expected<std::optional<std::string>, Diagnostic> get() override;
    std::expected<void, Diagnostic> put(const std::string& bytes) override;
    std::expected<std::unique_ptr<StateLock>, Diagnostic> lock(const std::string& operation,
                                                                std::chrono::milliseconds timeout) override;
    // Sends unlock_method to unlock_address with {"ID": lock_id, ...}; a server that answers 423
    // or 409 with the holder's lock info refuses an ID that is not the current lock's.
    std::expected<void, Diagnostic> force_unlock(const std::string& lock_id) override;

private:
    std::shared_ptr<HttpConnection> m_connection;
};

}  // namespace plinth::backends
