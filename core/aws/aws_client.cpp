#include "core/aws/aws_client.h"

#include <fmt/format.h>
#include <random>
#include <thread>

#include "core/digest.h"
#include "core/net/retry_policy.h"

namespace plinth::aws {

namespace {

double jitter() {
    thread_local std::mt19937 generator{std::random_device{}()};
    return std::uniform_real_distribution<double>(0.0, 1.0)(generator);
}

AwsError network_error(const AwsRequest& request, const net::NetError& error) {
    return AwsError{fmt::format("{} failed", request.summary), {}, fmt::format("{}: {}", error.summary, error.detail),
                    0};
}

}  // namespace

AwsClient::AwsClient(Credentials credentials, std::string region, AwsClientOptions options)
    : AwsClient(std::move(credentials), std::move(region), options, net::HttpClient(),
                [](std::chrono::milliseconds wait) { std::this_thread::sleep_for(wait); }) {}

AwsClient::AwsClient(Credentials credentials, std::string region, AwsClientOptions options, net::HttpClient http,
                     net::Sleeper sleep)
    : m_credentials(std::move(credentials)),
      m_region(std::move(region)),
      m_options(options),
      m_http(std::move(http)),
      m_sleep(std::move(sleep)) {}

net::HttpRequest AwsClient::signed_request(const AwsRequest& request) const {
    net::HttpRequest http;
    http.method = request.method;
    http.url = request.url;
    if (!request.query.empty()) http.url += "?" + canonical_query(request.query);
    http.headers = request.headers;
    http.headers.emplace_back("x-amz-content-sha256", sha256_hex(request.body));
    http.body = request.body;
    http.timeout = m_options.timeout;
    http.aws_sigv4 = net::AwsSigV4{fmt::format("aws:amz:{}:{}", m_region, request.service), m_credentials.access_key,
                                   m_credentials.secret_key, m_credentials.session_token};
    return http;
}

// Network failures and 5xx are retried by the HTTP client (AWS calls are safe to repeat, as the
// AWS SDKs assume); throttling answers, which DynamoDB gives as 400, are retried here.
std::expected<net::HttpResponse, AwsError> AwsClient::send(const AwsRequest& request, ErrorFormat format) const {
    net::RetryPolicy policy;
    policy.retries = m_options.retries;
    policy.min_delay = m_options.min_delay;
    policy.max_delay = m_options.max_delay;
    policy.retry_non_idempotent = true;
    net::HttpRequest http = signed_request(request);
    for (int attempt = 0;; ++attempt) {
        auto response = m_http.send(http, policy);
        if (!response) return std::unexpected(network_error(request, response.error()));
        bool fine = response->ok() || (request.method == "HEAD" && response->status < 400);
        if (fine) return std::move(*response);
        AwsError error = parse_error(*response, format, fmt::format("{} failed", request.summary));
        bool retried_already = response->status >= 429;  // the HTTP client retries 429 and 5xx itself
        if (retried_already || !is_throttling(error) || attempt >= m_options.retries)
            return std::unexpected(std::move(error));
        m_sleep(net::backoff_delay(policy, attempt + 1, jitter()));
    }
}

}  // namespace plinth::aws
