// providers/http_client/http_message.h: one HTTP request and its response as plain values, shared
// by every provider that talks HTTP (http, rest, and later aws). No libcurl here.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace plinth::providers::http_client {

// Header names and values, sent in this order.
using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
    std::string method = "GET";  // upper case
    std::string url;
    Headers headers;
    std::string body;  // sent when not empty, and always for POST, PUT and PATCH
    std::chrono::milliseconds timeout{30'000};  // for one try, connecting included
    std::string ca_cert;  // PEM text of the certificates to verify the server with; empty: the system's CA bundle
    bool insecure = false;  // skip TLS certificate and host name checks
};

struct HttpResponse {
    long status = 0;
    std::map<std::string, std::string> headers;  // names in lower case; repeated headers joined by ", "
    std::string body;

    // The header's value, by case-insensitive name.
    std::optional<std::string> header(std::string_view name) const;
    bool ok() const { return status >= 200 && status < 300; }
};

// GET, HEAD, PUT, DELETE, OPTIONS and TRACE may be sent twice with the same effect; POST and
// PATCH may not, so they are retried only when the caller opts in.
bool is_idempotent(std::string_view method);

// Lower-cases ASCII letters (header names).
std::string lower_case(std::string_view text);

}  // namespace plinth::providers::http_client
