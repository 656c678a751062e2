#include "providers/plugin/plugin_errors.h"

#include <fmt/format.h>

namespace plinth::providers {

namespace {

using nlohmann::json;

std::string string_member(const json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

ProviderError::Kind kind_from(const json& data) {
    std::string kind = data.is_object() ? string_member(data, "kind") : std::string();
    if (kind == "not_found") return ProviderError::Kind::NotFound;
    if (kind == "transient") return ProviderError::Kind::Transient;
    if (kind == "timeout") return ProviderError::Kind::Timeout;
    return ProviderError::Kind::Error;
}

}  // namespace

std::vector<ProviderError> errors_from_diagnostics(const json& diagnostics) {
    std::vector<ProviderError> errors;
    if (!diagnostics.is_array()) return errors;
    for (const auto& item : diagnostics) {
        if (!item.is_object() || !item.contains("summary") || !item["summary"].is_string()) {
            errors.push_back(provider_error("The plugin sent a diagnostic without a summary", item.dump()));
            continue;
        }
        errors.push_back(provider_error(string_member(item, "summary"), string_member(item, "detail"),
                                        string_member(item, "attribute")));
    }
    return errors;
}

ProviderError provider_error_from(const RpcFailure& failure) {
    switch (failure.kind) {
    case RpcFailure::Kind::Timeout:
        return ProviderError{ProviderError::Kind::Timeout, failure.message, failure.detail, {}};
    case RpcFailure::Kind::Broken: return provider_error(failure.message, failure.detail);
    case RpcFailure::Kind::Remote: break;
    }
    std::vector<ProviderError> diagnostics =
        failure.data.is_object() && failure.data.contains("diagnostics") ? errors_from_diagnostics(failure.data["diagnostics"])
                                                                          : std::vector<ProviderError>{};
    ProviderError error = diagnostics.empty() ? provider_error(failure.message) : combine_errors(diagnostics);
    error.kind = kind_from(failure.data);
    return error;
}

}  // namespace plinth::providers
