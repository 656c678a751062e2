// core/backends/http/http_exchange.h: one request of the http backend and its answer: built with
// the backend's TLS and basic-auth settings, sent with its retries, and a refusal turned into a
// diagnostic that quotes the server verbatim and points at the `backend:` block.
#pragma once

#include <expected>
#include <string>

#include "core/backends/http/http_backend_config.h"
#include "core/diagnostics.h"
#include "core/net/http_client.h"

namespace plinth::backends {

// `method url` with `body` (sent as JSON when not empty), as `config` says requests are made.
net::HttpRequest make_http_backend_request(const HttpBackendConfig& config, const std::string& method,
                                           const std::string& url, std::string body = {});

// Sends `request`; a missing answer is an error saying what it was for (`doing`: "read the state").
std::expected<net::HttpResponse, Diagnostic> send_http_backend_request(const HttpBackendConfig& config,
                                                                       const net::HttpClient& client,
                                                                       const std::string& doing,
                                                                       const net::HttpRequest& request);

// The error for an answer the server refused (`response`), with its body verbatim; 401 and 403
// also point at the credentials.
Diagnostic http_backend_refusal(const HttpBackendConfig& config, const std::string& doing,
                                const net::HttpRequest& request, const net::HttpResponse& response);

}  // namespace plinth::backends
