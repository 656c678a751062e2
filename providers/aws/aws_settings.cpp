#include "providers/aws/aws_settings.h"

#include <array>
#include <cctype>
#include <fmt/format.h>

#include "providers/attributes.h"

namespace plinth::providers::aws {

namespace {

constexpr int k_default_retries = 5;
constexpr std::array<std::string_view, 4> k_services = {"s3", "dynamodb", "sqs", "sts"};

std::optional<std::string> text_setting(const Value& config, std::string_view name) {
    if (const std::string* value = string_attribute(config, name); value != nullptr && !value->empty()) return *value;
    return std::nullopt;
}

std::string& endpoint_of(Endpoints& endpoints, std::string_view service) {
    if (service == "s3") return endpoints.s3;
    if (service == "dynamodb") return endpoints.dynamodb;
    if (service == "sqs") return endpoints.sqs;
    return endpoints.sts;
}

// AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL_DYNAMODB, ... as the AWS SDKs name them.
std::string endpoint_variable(std::string_view service) {
    std::string name = "AWS_ENDPOINT_URL_";
    for (char c : service) name += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return name;
}

Result<Endpoints> read_endpoints(const Value& config, const EnvironmentLookup& environment) {
    Endpoints endpoints;
    if (const Value* given = config.find("endpoints"); given != nullptr && given->is_map()) {
        for (const auto& [service, url] : given->as_map()) {
            if (url.is_null() || (url.is_string() && url.as_string().empty())) continue;  // AWS's own
            if (std::ranges::find(k_services, service) == k_services.end())
                return std::unexpected(
                    attribute_error("endpoints", fmt::format("has an unknown service \"{}\"", service),
                                    "The aws provider takes endpoints for s3, dynamodb, sqs and sts."));
            if (!url.is_string() ||
                !(url.as_string().starts_with("http://") || url.as_string().starts_with("https://")))
                return std::unexpected(
                    attribute_error("endpoints", fmt::format("\"{}\" must be an http:// or https:// URL", service)));
            endpoint_of(endpoints, service) = url.as_string();
        }
    }
    auto shared = environment("AWS_ENDPOINT_URL");
    for (std::string_view service : k_services) {
        std::string& endpoint = endpoint_of(endpoints, service);
        if (!endpoint.empty()) continue;
        auto from_env = environment(endpoint_variable(service).c_str());
        endpoint = from_env ? *from_env : shared.value_or("");
    }
    return endpoints;
}

}  // namespace

std::vector<AttributeSchema> aws_settings_schema() {
    using T = AttributeType;
    return {
        optional_attribute("region", T::String, "The AWS region; else AWS_REGION or AWS_DEFAULT_REGION."),
        optional_attribute("access_key", T::String,
                           "The access key id; else AWS_ACCESS_KEY_ID or the shared credentials file."),
        secret(optional_attribute("secret_key", T::String,
                                  "The secret access key; else AWS_SECRET_ACCESS_KEY or the shared credentials file.")),
        secret(optional_attribute("token", T::String,
                                  "A session token for temporary credentials; else AWS_SESSION_TOKEN.")),
        optional_attribute("profile", T::String, "A profile of the shared credentials file (~/.aws/credentials)."),
        optional_attribute("endpoints", T::Map, "URLs replacing AWS's endpoints: s3, dynamodb, sqs, sts."),
        optional_attribute("s3_use_path_style", T::Bool, "Address S3 as ENDPOINT/BUCKET/KEY.", Value(false)),
        optional_attribute("max_retries", T::Number, "Further tries after throttling, a 5xx or no answer.",
                           Value(k_default_retries)),
    };
}

Result<AwsSettings> read_settings(const Value& config, const EnvironmentLookup& environment) {
    AwsSettings settings;
    auto region = text_setting(config, "region");
    if (!region) region = environment("AWS_REGION");
    if (!region) region = environment("AWS_DEFAULT_REGION");
    if (!region)
        return std::unexpected(
            provider_error("The aws provider needs a region",
                           "Set region in `providers: { aws: ... }`, or AWS_REGION in the environment.", "region"));
    settings.region = *region;
    plinth::aws::CredentialSettings given{text_setting(config, "access_key"), text_setting(config, "secret_key"),
                                          text_setting(config, "token"), text_setting(config, "profile")};
    auto credentials = plinth::aws::resolve_credentials(given, environment);
    if (!credentials)
        return std::unexpected(
            provider_error("The aws provider found no credentials", credentials.error(), "access_key"));
    settings.credentials = std::move(*credentials);
    auto endpoints = read_endpoints(config, environment);
    if (!endpoints) return std::unexpected(endpoints.error());
    settings.endpoints = std::move(*endpoints);
    settings.s3_use_path_style = bool_attribute(config, "s3_use_path_style", false);
    if (config.find("max_retries") != nullptr && !config.find("max_retries")->is_null()) {
        auto retries = integer_attribute(config, "max_retries");
        if (!retries) return std::unexpected(retries.error());
        if (*retries < 0) return std::unexpected(attribute_error("max_retries", "must not be negative"));
        settings.max_retries = static_cast<int>(*retries);
    }
    return settings;
}

}  // namespace plinth::providers::aws
