// core/net/http_message.h: one HTTP request and its response as plain values, shared by
// everything in plinth that talks HTTP (module downloads, state backends, the http and rest
// providers, and later aws). No libcurl here: authentication and signing are data the transport
// hands to libcurl.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace plinth::net {

// Header names and values, sent in this order.
using Headers = std::vector<std::pair<std::string, std::string>>;

// User name and password sent as HTTP basic authentication.
struct BasicAuth {
    std::string username;
    std::string password;
};

// AWS Signature Version 4, computed by libcurl (CURLOPT_AWS_SIGV4).
struct AwsSigV4 {
    std::string provider;  // "aws:amz:REGION:SERVICE", e.g. "aws:amz:eu-west-1:s3"
    std::string access_key;
    std::string secret_key;
    std::string session_token;  // sent as x-amz-security-token when not empty
};

// Takes each piece of a response's body as it arrives, instead of HttpResponse::body; returning
// false stops the transfer (the transport then reports an error).
using BodySink = std::function<bool(std::string_view piece)>;

struct HttpRequest {
    std::string method = "GET";  // upper case; any token (LOCK, UNLOCK, ...) is sent as is
    std::string url;
    Headers headers;
    std::string body;  // sent with any method when not empty, and always for POST, PUT and PATCH
    std::chrono::milliseconds timeout{30'000};  // for one try, connecting included; 0: no limit
    std::chrono::milliseconds connect_timeout{0};  // for connecting; 0: libcurl's default (300s)
    std::chrono::seconds stall_timeout{0};  // fail when no byte arrives for this long; 0: never
    std::string ca_cert;  // PEM text of the certificates to verify the server with; empty: the system's CA bundle
    bool insecure = false;  // skip TLS certificate and host name checks
    std::optional<BasicAuth> basic_auth;
    std::optional<AwsSigV4> aws_sigv4;  // signs the request; not together with basic_auth
    BodySink body_sink;  // when set, the response body goes here and HttpResponse::body stays empty
};

struct HttpResponse {
    long status = 0;
    std::map<std::string, std::string> headers;  // names in lower case; repeated headers joined by ", "
    std::string body;

    // The header's value, by case-insensitive name.
    std::optional<std::string> header(std::string_view name) const;
    bool ok() const { return status >= 200 && status < 300; }
};

// "METHOD URL", how messages name a request.
std::string describe(const HttpRequest& request);

// GET, HEAD, PUT, DELETE, OPTIONS and TRACE may be sent twice with the same effect; POST and
// PATCH may not, so they are retried only when the caller opts in.
bool is_idempotent(std::string_view method);

// Lower-cases ASCII letters (header names).
std::string lower_case(std::string_view text);

}  // namespace plinth::net
