// providers/http_client/http_client.h: sending HTTP requests with retries. A try that gets no
// answer (connection refused or reset, timeout) or a retryable status (408, 429, 5xx) is tried
// again after an exponential backoff with jitter, or after the wait a 429's or 503's Retry-After
// asks for; POST and PATCH only when the policy opts in. Waits go through a Sleeper, which tests
// replace. The result is the last response whatever its status; only a missing answer is an error.
#pragma once

#include <chrono>
#include <functional>
#include <memory>

#include "providers/http_client/http_message.h"
#include "providers/http_client/retry_policy.h"
#include "providers/http_client/transport.h"
#include "providers/provider.h"

namespace plinth::providers::http_client {

using Sleeper = std::function<void(std::chrono::milliseconds)>;
using Clock = std::function<std::time_t()>;
using JitterSource = std::function<double()>;  // uniform in [0, 1]

class HttpClient {
public:
    // By default: libcurl, real sleeps, the system clock and random jitter.
    HttpClient();
    HttpClient(std::shared_ptr<const Transport> transport, Sleeper sleep, Clock clock, JitterSource jitter);

    // An error (Timeout, Transient or Error) only when the last try got no answer at all.
    Result<HttpResponse> send(const HttpRequest& request, const RetryPolicy& policy) const;

private:
    // The wait before retry number `retry` after `response`, or null when it should not be retried.
    std::optional<std::chrono::milliseconds> wait_after(const HttpResponse& response, const RetryPolicy& policy,
                                                        int retry) const;

    std::shared_ptr<const Transport> m_transport;
    Sleeper m_sleep;
    Clock m_clock;
    JitterSource m_jitter;
};

// A response that is not a success as a provider error: 404 and 410 NotFound, 408, 429 and 5xx
// Transient, other statuses Error. The summary names the request; the detail quotes the body.
ProviderError status_error(const HttpRequest& request, const HttpResponse& response);

}  // namespace plinth::providers::http_client
