#include "core/backends/http/http_exchange.h"

#include <cctype>
#include <fmt/format.h>

namespace plinth::backends {
namespace {

constexpr std::chrono::seconds k_connect_timeout{10};

}  // namespace

net::HttpRequest make_http_backend_request(const HttpBackendConfig& config, const std::string& method,
                                           const std::string& url, std::string body) {
    net::HttpRequest request;
    request.method = method;
    request.url = url;
    request.connect_timeout = k_connect_timeout;
    request.insecure = config.skip_cert_verification;
    request.basic_auth = config.basic_auth;
    if (!body.empty()) request.headers.emplace_back("Content-Type", "application/json");
    request.body = std::move(body);
    return request;
}

std::expected<net::HttpResponse, Diagnostic> send_http_backend_request(const HttpBackendConfig& config,
                                                                       const net::HttpClient& client,
                                                                       const std::string& doing,
                                                                       const net::HttpRequest& request) {
    auto response = client.send(request, config.retry);
    if (response) return std::move(*response);
    return std::unexpected(make_error(fmt::format("cannot {}: {}", doing, response.error().summary),
                                      response.error().detail, config.location));
}

Diagnostic http_backend_refusal(const HttpBackendConfig& config, const std::string& doing,
                                const net::HttpRequest& request, const net::HttpResponse& response) {
    std::string said = response.body;
    while (!said.empty() && std::isspace(static_cast<unsigned char>(said.back()))) said.pop_back();
    std::string detail = said.empty() ? "The server gave no explanation." : "The server said: " + said;
    if (response.status == 401 || response.status == 403)
        detail += "\n\nCheck the backend's `username` and `password` (or PLINTH_HTTP_USERNAME and "
                  "PLINTH_HTTP_PASSWORD).";
    return make_error(fmt::format("cannot {}: {} answered HTTP {}", doing, describe(request), response.status),
                      std::move(detail), config.location);
}

}  // namespace plinth::backends
