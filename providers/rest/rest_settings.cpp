#include "providers/rest/rest_settings.h"

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

#include "core/digest.h"
#include "providers/attributes.h"
#include "core/net/http_message.h"

namespace plinth::providers::rest {

namespace {

using namespace http_client;
using namespace net;

constexpr int k_default_retries = 3;

// The setting's string, else the environment variable's; null when neither is set.
std::optional<std::string> setting_or_env(const Value& config, std::string_view name, std::string_view variable,
                                          const EnvironmentLookup& environment) {
    if (const std::string* value = string_attribute(config, name)) return *value;
    auto from_env = environment(variable);
    if (from_env && !from_env->empty()) return from_env;
    return std::nullopt;
}

Result<void> add_authentication(const Value& config, const EnvironmentLookup& environment, Headers& headers) {
    auto username = setting_or_env(config, "username", "REST_API_USERNAME", environment);
    auto password = setting_or_env(config, "password", "REST_API_PASSWORD", environment);
    auto token = setting_or_env(config, "bearer_token", "REST_API_TOKEN", environment);
    if (token && (username || password))
        return std::unexpected(provider_error("Give either username/password or bearer_token, not both",
                                              "The rest provider sends one Authorization header.", "bearer_token"));
    if (password && !username)
        return std::unexpected(provider_error("\"password\" needs a \"username\"",
                                              "Set username (or REST_API_USERNAME) for basic authentication.",
                                              "username"));
    if (username)
        headers.emplace_back("Authorization", "Basic " + base64_encode(*username + ":" + password.value_or("")));
    if (token) headers.emplace_back("Authorization", "Bearer " + *token);
    return {};
}

Result<RetryPolicy> retry_of(const Value& config) {
    RetryPolicy policy;
    auto retries = count_attribute(config, "retries", k_default_retries);
    if (!retries) return std::unexpected(retries.error());
    auto min_delay = duration_attribute(config, "retry_min_delay", policy.min_delay);
    if (!min_delay) return std::unexpected(min_delay.error());
    auto max_delay = duration_attribute(config, "retry_max_delay", policy.max_delay);
    if (!max_delay) return std::unexpected(max_delay.error());
    policy.retries = *retries;
    policy.min_delay = *min_delay;
    policy.max_delay = *max_delay;
    policy.retry_non_idempotent = bool_attribute(config, "retry_non_idempotent", false);
    if (auto ordered = check_delays(policy, "retry_min_delay"); !ordered) return std::unexpected(ordered.error());
    return policy;
}

}  // namespace

std::vector<AttributeSchema> rest_settings_schema() {
    using T = AttributeType;
    return {
        optional_attribute("base_url", T::String, "The API's root URL; else REST_API_BASE_URL."),
        optional_attribute("headers", T::Map, "Headers sent with every request."),
        optional_attribute("username", T::String, "Basic authentication user; else REST_API_USERNAME."),
        secret(optional_attribute("password", T::String, "Basic authentication password; else REST_API_PASSWORD.")),
        secret(optional_attribute("bearer_token", T::String, "Sent as \"Authorization: Bearer\"; else REST_API_TOKEN.")),
        optional_attribute("timeout", T::String, "How long one try may take.", Value("30s")),
        optional_attribute("retries", T::Number, "Further tries after a failed one.", Value(k_default_retries)),
        optional_attribute("retry_min_delay", T::String, "The shortest wait before a retry.", Value("1s")),
        optional_attribute("retry_max_delay", T::String, "The longest wait before a retry.", Value("30s")),
        optional_attribute("retry_non_idempotent", T::Bool, "Also retry POST and PATCH.", Value(false)),
        optional_attribute("ca_cert", T::String,
                           "PEM certificates to verify the server with, instead of the system's CA bundle."),
        optional_attribute("insecure", T::Bool, "Skip TLS certificate checks.", Value(false)),
    };
}

Result<RestSettings> read_settings(const Value& config, const EnvironmentLookup& environment) {
    RestSettings settings;
    auto base_url = setting_or_env(config, "base_url", "REST_API_BASE_URL", environment);
    if (!base_url)
        return std::unexpected(provider_error("The rest provider needs a base_url",
                                              "Set base_url in `providers: { rest: ... }` or REST_API_BASE_URL in "
                                              "the environment.",
                                              "base_url"));
    if (!base_url->starts_with("http://") && !base_url->starts_with("https://"))
        return std::unexpected(attribute_error("base_url", "must start with http:// or https://",
                                               fmt::format("Got \"{}\".", *base_url)));
    settings.base_url = *base_url;
    auto headers = headers_attribute(config, "headers");
    if (!headers) return std::unexpected(headers.error());
    settings.headers = std::move(*headers);
    for (std::string_view name : {"Accept", "Content-Type"}) {
        auto same_name = [&](const auto& header) {
            return net::lower_case(header.first) == net::lower_case(name);
        };
        if (std::ranges::none_of(settings.headers, same_name)) settings.headers.emplace_back(name, "application/json");
    }
    if (auto authenticated = add_authentication(config, environment, settings.headers); !authenticated)
        return std::unexpected(authenticated.error());
    auto timeout = duration_attribute(config, "timeout", settings.timeout);
    if (!timeout) return std::unexpected(timeout.error());
    settings.timeout = *timeout;
    auto retry = retry_of(config);
    if (!retry) return std::unexpected(retry.error());
    settings.retry = *retry;
    if (const std::string* ca_cert = string_attribute(config, "ca_cert")) settings.ca_cert = *ca_cert;
    settings.insecure = bool_attribute(config, "insecure", false);
    return settings;
}

}  // namespace plinth::providers::rest
