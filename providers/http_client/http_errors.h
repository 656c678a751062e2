// providers/http_client/http_errors.h: HTTP failures as provider errors, so the engine's retry and
// "not found" handling see them: a request that got no answer (core/net's NetError), and an answer
// whose status is not a success.
#pragma once

#include "core/net/http_message.h"
#include "core/net/net_error.h"
#include "providers/provider.h"

namespace plinth::providers::http_client {

// The same summary and detail, with Timeout, Transient or Error as the kind.
ProviderError provider_error_of(const net::NetError& error);

// A response that is not a success as a provider error: 404 and 410 NotFound, 408, 429 and 5xx
// Transient, other statuses Error. The summary names the request; the detail quotes the body.
ProviderError status_error(const net::HttpRequest& request, const net::HttpResponse& response);

}  // namespace plinth::providers::http_client
