#include "providers/http_client/http_errors.h"

#include <fmt/format.h>

#include "core/net/retry_policy.h"
#include "providers/text.h"

namespace plinth::providers::http_client {

namespace {

constexpr std::size_t k_quoted_body = 300;  // how much of a response body an error quotes

}  // namespace

ProviderError provider_error_of(const net::NetError& error) {
    using Kind = ProviderError::Kind;
    Kind kind = error.kind == net::NetError::Kind::Timeout     ? Kind::Timeout
                : error.kind == net::NetError::Kind::Transient ? Kind::Transient
                                                               : Kind::Error;
    return ProviderError{kind, error.summary, error.detail, {}};
}

ProviderError status_error(const net::HttpRequest& request, const net::HttpResponse& response) {
    using Kind = ProviderError::Kind;
    Kind kind = response.status == 404 || response.status == 410 ? Kind::NotFound
                : net::is_retryable_status(response.status)        ? Kind::Transient
                                                                   : Kind::Error;
    std::string body = to_valid_utf8(response.body.substr(0, k_quoted_body));
    if (response.body.size() > k_quoted_body) body += "...";
    std::string detail = body.empty() ? "The response had no body." : fmt::format("The server said: {}", body);
    return ProviderError{kind, fmt::format("{} answered HTTP {}", net::describe(request), response.status),
                         std::move(detail), {}};
}

}  // namespace plinth::providers::http_client
