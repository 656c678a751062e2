// tests/unit/core/net/fake_transport.h: an HTTP transport for unit tests that answers each try
// with the next scripted outcome (the last one repeats) and records the requests it was sent.
#pragma once

#include <deque>
#include <mutex>
#include <vector>

#include "core/net/http_client.h"

namespace plinth::testing {

using net::HttpRequest;
using net::HttpResponse;
using net::TransportError;
using HttpOutcome = std::expected<HttpResponse, TransportError>;

class ScriptedTransport final : public net::Transport {
public:
    explicit ScriptedTransport(std::deque<HttpOutcome> script) : m_script(std::move(script)) {}

    HttpOutcome perform(const HttpRequest& request) const override {
        std::lock_guard lock(m_mutex);
        m_requests.push_back(request);
        HttpOutcome next = m_script.front();
        if (m_script.size() > 1) m_script.pop_front();
        return next;
    }
    int tries() const {
        std::lock_guard lock(m_mutex);
        return static_cast<int>(m_requests.size());
    }
    std::vector<HttpRequest> requests() const {
        std::lock_guard lock(m_mutex);
        return m_requests;
    }

private:
    mutable std::mutex m_mutex;
    mutable std::deque<HttpOutcome> m_script;
    mutable std::vector<HttpRequest> m_requests;
};

inline HttpResponse http_answer(long status, std::string body = {}, std::map<std::string, std::string> headers = {}) {
    return HttpResponse{status, std::move(headers), std::move(body)};
}

// A client over `transport` that never sleeps, with jitter 1 and the clock at 1000.
inline net::HttpClient scripted_client(std::shared_ptr<const ScriptedTransport> transport,
                                       std::vector<std::chrono::milliseconds>* waits = nullptr) {
    return net::HttpClient(
        std::move(transport),
        [waits](std::chrono::milliseconds wait) {
            if (waits != nullptr) waits->push_back(wait);
        },
        [] { return std::time_t{1000}; }, [] { return 1.0; });
}

}  // namespace plinth::testing
