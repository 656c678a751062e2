// providers/http/http_request_data.h: the `http_request` data source. Attributes:
//   url               required: an http:// or https:// URL; redirects are followed.
//   method            GET (default), HEAD, POST, PUT, PATCH, DELETE or OPTIONS.
//   request_headers   map of header names to strings.
//   request_body      string sent as the body.
//   ca_cert           PEM text of the certificates to verify the server with (instead of the
//                     system's CA bundle).
//   insecure          bool, default false: skip TLS certificate checks.
//   timeout           duration of one try, default "30s".
//   retry             map { attempts (further tries after the first, default 2), min_delay
//                     (default "1s"), max_delay (default "30s") }: connection failures, timeouts,
//                     408, 429 (after its Retry-After) and 5xx are tried again; POST and PATCH never.
//   status_code       computed number; any status is an answer, not an error.
//   response_headers  computed map, names in lower case.
//   response_body     computed string (invalid UTF-8 replaced by U+FFFD).
//   response_json     computed: the body parsed as JSON, or null when it is not JSON.
#pragma once

#include <memory>

#include "core/net/http_client.h"
#include "providers/resource_type.h"

namespace plinth::providers::http {

std::unique_ptr<DataSourceType> make_http_request_data_source(
    net::HttpClient client = net::HttpClient());

}  // namespace plinth::providers::http
