#include "providers/provider.h"

#include <fmt/format.h>

namespace plinth::providers {

ProviderError combine_errors(const std::vector<ProviderError>& errors) {
    ProviderError error = errors.front();
    for (std::size_t i = 1; i < errors.size(); ++i) {
        if (!error.detail.empty()) error.detail += "\n";
        error.detail += errors[i].summary;
        if (!errors[i].detail.empty()) error.detail += ": " + errors[i].detail;
    }
    return error;
}

Result<void> check_properties(const ResourceSchema& schema, const Value& properties) {
    Diagnostics problems = validate_properties(schema, properties, SourceLocation{});
    if (!problems.has_errors()) return {};
    std::vector<ProviderError> errors;
    for (const auto& problem : problems) errors.push_back(provider_error(problem.summary, problem.detail));
    return std::unexpected(combine_errors(errors));
}

std::vector<ProviderError> Provider::validate(BlockKind, const std::string&, const Value&) { return {}; }

Result<Value> Provider::import(const std::string& type, const std::string& id) {
    return std::unexpected(provider_error(fmt::format("{} does not support import", type),
                                          fmt::format("Provider \"{}\" cannot adopt an existing object (id \"{}\").",
                                                      schema().name, id)));
}

Result<Value> Provider::read_data(const std::string& type, const Value&) {
    return std::unexpected(provider_error(fmt::format("Unsupported data source \"{}\"", type),
                                          fmt::format("Provider \"{}\" has no data source of that type.",
                                                      schema().name)));
}

std::string Provider::id_of(const std::string&, const Value& attributes) const {
    const Value* id = attributes.find("id");
    if (id == nullptr) return {};
    if (id->is_string()) return id->as_string();
    if (id->is_number()) return format_number(id->as_number());
    return {};
}

}  // namespace plinth::providers
