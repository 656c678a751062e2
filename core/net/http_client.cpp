#include "core/net/http_client.h"

#include <random>
#include <thread>

#include <fmt/format.h>

namespace plinth::net {

namespace {

double random_jitter() {
    thread_local std::mt19937 generator{std::random_device{}()};
    return std::uniform_real_distribution<double>(0.0, 1.0)(generator);
}

NetError transport_failure(const HttpRequest& request, const TransportError& error, int tries) {
    std::string after = tries > 1 ? fmt::format(" (after {} tries)", tries) : "";
    switch (error.kind) {
        case TransportError::Kind::Timeout:
            return NetError{NetError::Kind::Timeout, fmt::format("{} timed out{}", describe(request), after),
                            fmt::format("No complete answer within {}ms: {}.", request.timeout.count(), error.message)};
        case TransportError::Kind::Connection:
            return NetError{NetError::Kind::Transient, fmt::format("{} failed{}", describe(request), after),
                            error.message + "."};
        case TransportError::Kind::Other:
            break;
    }
    return NetError{NetError::Kind::Error, fmt::format("{} failed", describe(request)), error.message + "."};
}

}  // namespace

HttpClient::HttpClient()
    : HttpClient(curl_transport(), [](std::chrono::milliseconds wait) { std::this_thread::sleep_for(wait); },
                 [] { return std::time(nullptr); }, random_jitter) {}

HttpClient::HttpClient(std::shared_ptr<const Transport> transport, Sleeper sleep, Clock clock, JitterSource jitter)
    : m_transport(std::move(transport)), m_sleep(std::move(sleep)), m_clock(std::move(clock)),
      m_jitter(std::move(jitter)) {}

std::optional<std::chrono::milliseconds> HttpClient::wait_after(const HttpResponse& response,
                                                                const RetryPolicy& policy, int retry) const {
    if (!is_retryable_status(response.status)) return std::nullopt;
    if (response.status == 429 || response.status == 503)
        if (auto asked = response.header("retry-after"))
            if (auto wait = parse_retry_after(*asked, m_clock())) {
                if (*wait > policy.max_retry_after) return std::nullopt;
                return *wait;
            }
    return backoff_delay(policy, retry, m_jitter());
}

std::expected<HttpResponse, NetError> HttpClient::send(const HttpRequest& request, const RetryPolicy& policy) const {
    bool may_retry = policy.retry_non_idempotent || is_idempotent(request.method);
    int retries = may_retry ? std::max(policy.retries, 0) : 0;
    for (int retry = 1;; ++retry) {
        auto outcome = m_transport->perform(request);
        std::optional<std::chrono::milliseconds> wait;
        if (retry <= retries) {
            if (outcome) wait = wait_after(*outcome, policy, retry);
            else if (outcome.error().kind != TransportError::Kind::Other)
                wait = backoff_delay(policy, retry, m_jitter());
        }
        if (!wait) {
            if (outcome) return std::move(*outcome);
            return std::unexpected(transport_failure(request, outcome.error(), retry));
        }
        m_sleep(*wait);
    }
}

}  // namespace plinth::net
