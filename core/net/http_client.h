// core/net/http_client.h: sending HTTP requests with retries. A try that gets no
// answer (connection refused or reset, timeout) or a retryable status (408, 429, 5xx) is tried
// again after an exponential backoff with jitter, or after the wait a 429's or 503's Retry-After
// asks for; POST and PATCH only when the policy opts in. Waits go through a Sleeper, which tests
// replace. The result is the last response whatever its status; only a missing answer is an error.
#pragma once

#include <chrono>
#include <expected>
#include <functional>
#include <memory>

#include "core/net/http_message.h"
#include "core/net/net_error.h"
#include "core/net/retry_policy.h"
#include "core/net/transport.h"

namespace plinth::net {

using Sleeper = std::function<void(std::chrono::milliseconds)>;
using Clock = std::function<std::time_t()>;
using JitterSource = std::function<double()>;  // uniform in [0, 1]

class HttpClient {
public:
    // By default: libcurl, real sleeps, the system clock and random jitter.
    HttpClient();
    HttpClient(std::shared_ptr<const Transport> transport, Sleeper sleep, Clock clock, JitterSource jitter);

    // An error (Timeout, Transient or Error) only when the last try got no answer at all.
    std::expected<HttpResponse, NetError> send(const HttpRequest& request, const RetryPolicy& policy) const;

private:
    // The wait before retry number `retry` after `response`, or null when it should not be retried.
    std::optional<std::chrono::milliseconds> wait_after(const HttpResponse& response, const RetryPolicy& policy,
                                                        int retry) const;

    std::shared_ptr<const Transport> m_transport;
    Sleeper m_sleep;
    Clock m_clock;
    JitterSource m_jitter;
};

}  // namespace plinth::net
