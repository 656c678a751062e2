// core/aws/aws_client.h: one signed AWS request through core/net. libcurl computes the SigV4
// signature (CURLOPT_AWS_SIGV4); this adds what libcurl 7.88 leaves out: the payload's SHA-256 in
// x-amz-content-sha256 (S3 requires it) and a canonical (sorted, encoded) query string. Throttling
// answers and 5xx are retried with backoff; error answers come back as AwsError with AWS's code
// and message.
#pragma once

#include <chrono>
#include <expected>
#include <string>

#include "core/aws/aws_error.h"
#include "core/aws/canonical_query.h"
#include "core/aws/credentials.h"
#include "core/net/http_client.h"

namespace plinth::aws {

struct AwsRequest {
    std::string service;    // the signing name: "s3", "dynamodb"
    std::string method = "GET";
    std::string url;        // scheme://host[:port]/path, the path already encoded (uri_encode)
    QueryParameters query;  // sent canonical
    net::Headers headers;
    std::string body;
    std::string summary;    // names the call in errors: "S3 GetObject s3://bucket/key"
};

struct AwsClientOptions {
    int retries = 4;  // further tries after throttling, a 5xx or no answer
    std::chrono::milliseconds min_delay{200};
    std::chrono::milliseconds max_delay{5'000};
    std::chrono::milliseconds timeout{30'000};  // for one try
};

class AwsClient {
public:
    // Sends through the real libcurl transport.
    AwsClient(Credentials credentials, std::string region, AwsClientOptions options = {});
    // Sends through `http` and waits through `sleep` (tests pass fakes).
    AwsClient(Credentials credentials, std::string region, AwsClientOptions options, net::HttpClient http,
              net::Sleeper sleep);

    // The answer, if successful (2xx, or 3xx for HEAD); otherwise an AwsError parsed in `format`.
    std::expected<net::HttpResponse, AwsError> send(const AwsRequest& request, ErrorFormat format) const;

    const std::string& region() const { return m_region; }

private:
    net::HttpRequest signed_request(const AwsRequest& request) const;

    Credentials m_credentials;
    std::string m_region;
    AwsClientOptions m_options;
    net::HttpClient m_http;
    net::Sleeper m_sleep;
};

}  // namespace plinth::aws
