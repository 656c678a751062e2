#include "providers/http/http_request_data.h"

#include <array>
#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/value_json.h"
#include "providers/attributes.h"
#include "providers/http_client/http_attributes.h"
#include "providers/http_client/http_errors.h"
#include "providers/text.h"

namespace plinth::providers::http {

namespace {

using namespace http_client;
using namespace net;
using std::chrono::milliseconds;

constexpr std::array<std::string_view, 7> k_methods = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
constexpr int k_default_retries = 2;

ResourceSchema http_request_schema() {
    using T = AttributeType;
    return ResourceSchema{
        "http_request",
        "Sends an HTTP request and reads the answer.",
        {
            required_attribute("url", T::String, "The URL (http or https); redirects are followed."),
            optional_attribute("method", T::String, "GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS.", Value("GET")),
            optional_attribute("request_headers", T::Map, "Header names to values."),
            optional_attribute("request_body", T::String, "The request's body."),
            optional_attribute("ca_cert", T::String,
                               "PEM certificates to verify the server with, instead of the system's CA bundle."),
            optional_attribute("insecure", T::Bool, "Skip TLS certificate checks.", Value(false)),
            optional_attribute("timeout", T::String, "How long one try may take.", Value("30s")),
            optional_attribute("retry", T::Map, "{ attempts, min_delay, max_delay }: retries of failed tries."),
            computed_attribute("status_code", T::Number, "The response's HTTP status."),
            computed_attribute("response_headers", T::Map, "The response's headers, names in lower case."),
            computed_attribute("response_body", T::String, "The response's body as text."),
            computed_attribute("response_json", T::Any, "The body parsed as JSON; null when it is not JSON."),
        },
    };
}

Result<RetryPolicy> retry_of(const Value& config) {
    RetryPolicy policy;
    policy.retries = k_default_retries;
    const Value* retry = config.find("retry");
    if (retry == nullptr || retry->is_null()) return policy;
    for (const auto& [key, value] : retry->as_map())
        if (key != "attempts" && key != "min_delay" && key != "max_delay")
            return std::unexpected(attribute_error("retry", fmt::format("has no setting \"{}\"", key),
                                                   "It takes attempts, min_delay and max_delay."));
    auto named = [](const ProviderError& error) {
        ProviderError renamed = error;
        renamed.summary = "\"retry\": " + error.summary;
        renamed.attribute = "retry";
        return renamed;
    };
    auto attempts = count_attribute(*retry, "attempts", k_default_retries);
    if (!attempts) return std::unexpected(named(attempts.error()));
    auto min_delay = duration_attribute(*retry, "min_delay", policy.min_delay);
    if (!min_delay) return std::unexpected(named(min_delay.error()));
    auto max_delay = duration_attribute(*retry, "max_delay", policy.max_delay);
    if (!max_delay) return std::unexpected(named(max_delay.error()));
    policy.retries = *attempts;
    policy.min_delay = *min_delay;
    policy.max_delay = *max_delay;
    if (auto ordered = check_delays(policy, "retry"); !ordered) return std::unexpected(ordered.error());
    return policy;
}

Result<HttpRequest> request_of(const Value& config) {
    HttpRequest request;
    request.url = *string_attribute(config, "url");
    const std::string* method = string_attribute(config, "method");
    request.method = method != nullptr ? *method : "GET";
    if (std::ranges::find(k_methods, request.method) == k_methods.end())
        return std::unexpected(attribute_error("method", fmt::format("is not a method plinth sends: \"{}\"", request.method),
                                               "Use GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS, in upper case."));
    auto headers = headers_attribute(config, "request_headers");
    if (!headers) return std::unexpected(headers.error());
    request.headers = std::move(*headers);
    if (const std::string* body = string_attribute(config, "request_body")) request.body = *body;
    if (const std::string* ca_cert = string_attribute(config, "ca_cert")) request.ca_cert = *ca_cert;
    request.insecure = bool_attribute(config, "insecure", false);
    auto timeout = duration_attribute(config, "timeout", request.timeout);
    if (!timeout) return std::unexpected(timeout.error());
    request.timeout = *timeout;
    return request;
}

Value headers_value(const HttpResponse& response) {
    ValueMap headers;
    for (const auto& [name, value] : response.headers) headers.emplace(name, to_valid_utf8(value));
    return Value(std::move(headers));
}

Value json_value(const std::string& body) {
    nlohmann::json parsed = nlohmann::json::parse(body, nullptr, false);
    if (parsed.is_discarded()) return Value{};
    return from_json(parsed);
}

class HttpRequestData final : public DataSourceType {
public:
    explicit HttpRequestData(HttpClient client) : m_client(std::move(client)) {}

    const ResourceSchema& schema() const override { return m_schema; }

    Result<Value> read(const Value& config) const override {
        if (!config.is_wholly_known())
            return std::unexpected(provider_error("http_request needs known values",
                                                  "Every attribute must be known before the request is sent."));
        auto request = request_of(config);
        if (!request) return std::unexpected(request.error());
        auto policy = retry_of(config);
        if (!policy) return std::unexpected(policy.error());
        auto response = m_client.send(*request, *policy);
        if (!response) {
            ProviderError error = provider_error_of(response.error());
            error.attribute = "url";
            return std::unexpected(error);
        }
        Value attributes = plan_from_schema(m_schema, nullptr, config).planned;
        set_attribute(attributes, "status_code", Value(static_cast<std::int64_t>(response->status)));
        set_attribute(attributes, "response_headers", headers_value(*response));
        set_attribute(attributes, "response_body", to_valid_utf8(response->body));
        set_attribute(attributes, "response_json", json_value(response->body));
        return attributes;
    }

private:
    ResourceSchema m_schema = http_request_schema();
    HttpClient m_client;
};

}  // namespace

std::unique_ptr<DataSourceType> make_http_request_data_source(HttpClient client) {
    return std::make_unique<HttpRequestData>(std::move(client));
}

}  // namespace plinth::providers::http
