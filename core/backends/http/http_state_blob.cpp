#include "core/backends/http/http_state_blob.h"

#include <cstdio>
#include <fmt/format.h>

#include "core/backends/http/http_exchange.h"
#include "core/state/lock_info.h"

namespace plinth::backends {

struct HttpConnection {
    HttpBackendConfig config;
    net::HttpClient client;
    std::string lock_id;  // of the lock this process holds, sent with state updates; empty when none
};

namespace {

bool is_lock_conflict(long status) { return status == 423 || status == 409; }

net::HttpRequest make_request(const HttpConnection& connection, const std::string& method, const std::string& url,
                              std::string body = {}) {
    return make_http_backend_request(connection.config, method, url, std::move(body));
}

Diagnostic refused(const HttpConnection& connection, const std::string& doing, const net::HttpRequest& request,
                   const net::HttpResponse& response) {
    return http_backend_refusal(connection.config, doing, request, response);
}

std::expected<net::HttpResponse, Diagnostic> send(const HttpConnection& connection, const std::string& doing,
                                                  const net::HttpRequest& request) {
    return send_http_backend_request(connection.config, connection.client, doing, request);
}

// Held until destroyed, then released with the lock info it was taken with. A lock of a backend
// without lock_address holds nothing.
class HttpLock final : public StateLock {
public:
    HttpLock(std::shared_ptr<HttpConnection> connection, LockInfo info, bool held)
        : m_connection(std::move(connection)), m_info(std::move(info)), m_held(held) {}
    ~HttpLock() override {
        if (m_held) release();
    }
    HttpLock(const HttpLock&) = delete;
    HttpLock& operator=(const HttpLock&) = delete;

    const LockInfo& info() const override { return m_info; }

private:
    // A destructor cannot return its failure, so a lock left held is reported on stderr with what
    // releases it.
    void release() {
        const HttpConnection& connection = *m_connection;
        m_connection->lock_id.clear();
        auto request = make_request(connection, connection.config.unlock_method, connection.config.unlock_address,
                                    lock_info_to_json(m_info));
        auto response = send(connection, "release the state lock", request);
        if (response && response->ok()) return;
        Diagnostic problem = response ? refused(connection, "release the state lock", request, *response)
                                      : response.error();
        problem.severity = Severity::Warning;
        problem.location = {};
        problem.detail += fmt::format("\n\nThe state may still be locked under ID {}; once this is fixed, "
                                      "`plinth force-unlock {}` releases it.",
                                      m_info.id, m_info.id);
        std::fputs((format_diagnostic(problem) + "\n").c_str(), stderr);
    }

    std::shared_ptr<HttpConnection> m_connection;
    LockInfo m_info;
    bool m_held;
};

}  // namespace

HttpStateBlob::HttpStateBlob(HttpBackendConfig config, net::HttpClient client)
    : m_connection(std::make_shared<HttpConnection>(std::move(config), std::move(client), std::string{})) {}

std::string HttpStateBlob::describe() const { return m_connection->config.address; }

std::expected<std::optional<std::string>, Diagnostic> HttpStateBlob::get() {
    const HttpConnection& connection = *m_connection;
    auto request = make_request(connection, "GET", connection.config.address);
    auto response = send(connection, "read the state", request);
    if (!response) return std::unexpected(response.error());
    if (response->status == 404 || response->status == 204) return std::nullopt;
    if (response->status != 200) return std::unexpected(refused(connection, "read the state", request, *response));
    if (response->body.empty()) return std::nullopt;
    return std::move(response->body);
}

std::expected<void, Diagnostic> HttpStateBlob::put(const std::string& bytes) {
    const HttpConnection& connection = *m_connection;
    const std::string& address = connection.config.address;
    auto request = make_request(connection, connection.config.update_method,
                                connection.lock_id.empty() ? address : url_with_lock_id(address, connection.lock_id),
                                bytes);
    auto response = send(connection, "store the state", request);
    if (!response) return std::unexpected(response.error());
    if (!response->ok()) return std::unexpected(refused(connection, "store the state", request, *response));
    return {};
}

std::expected<std::unique_ptr<StateLock>, Diagnostic> HttpStateBlob::lock(const std::string& operation,
                                                                           std::chrono::milliseconds timeout) {
    const HttpConnection& connection = *m_connection;
    LockInfo info = new_lock_info(operation, connection.config.address);
    if (connection.config.lock_address.empty()) return std::make_unique<HttpLock>(m_connection, info, false);
    auto request = make_request(connection, connection.config.lock_method, connection.config.lock_address,
                                lock_info_to_json(info));
    LockInfo holder;
    auto taken = retry_lock(timeout, [&]() -> std::expected<bool, Diagnostic> {
        auto response = send(connection, "lock the state", request);
        if (!response) return std::unexpected(response.error());
        if (response->ok()) return true;
        if (!is_lock_conflict(response->status))
            return std::unexpected(refused(connection, "lock the state", request, *response));
        holder = lock_info_from_json(response->body);
        // A LOCK tried again after its answer was lost finds the lock it took.
        return holder.id == info.id;
    });
    if (!taken) return std::unexpected(taken.error());
    if (!*taken) return std::unexpected(lock_held_error(holder, connection.config.lock_address, timeout));
    m_connection->lock_id = info.id;
    return std::make_unique<HttpLock>(m_connection, std::move(info), true);
}

std::expected<void, Diagnostic> HttpStateBlob::force_unlock(const std::string& lock_id) {
    const HttpConnection& connection = *m_connection;
    if (connection.config.unlock_address.empty())
        return std::unexpected(make_error("this http backend has no `unlock_address`",
                                          "Without `lock_address` and `unlock_address` plinth never locks this "
                                          "state, so there is no lock to release.",
                                          connection.config.location));
    LockInfo requested;
    requested.id = lock_id;
    auto request = make_request(connection, connection.config.unlock_method, connection.config.unlock_address,
                                lock_info_to_json(requested));
    auto response = send(connection, "release the state lock", request);
    if (!response) return std::unexpected(response.error());
    if (response->ok()) return {};
    if (is_lock_conflict(response->status)) {
        LockInfo holder = lock_info_from_json(response->body);
        if (!holder.id.empty())
            if (auto matches = check_unlock_id(holder, lock_id, connection.config.unlock_address); !matches)
                return matches;
    }
    return std::unexpected(refused(connection, "release the state lock", request, *response));
}

}  // namespace plinth::backends
