#include "providers/http_client/http_attributes.h"

#include <fmt/format.h>

#include "core/duration.h"
#include "providers/attributes.h"

namespace plinth::providers::http_client {

using std::chrono::milliseconds;

Result<milliseconds> duration_attribute(const Value& attributes, std::string_view name, milliseconds fallback) {
    const Value* value = attributes.find(name);
    if (value == nullptr || value->is_null()) return fallback;
    if (!value->is_string())
        return std::unexpected(attribute_error(std::string(name), "must be a duration such as \"30s\" or \"500ms\""));
    auto parsed = parse_duration(value->as_string());
    if (!parsed) return std::unexpected(attribute_error(std::string(name), "is not a valid duration", parsed.error()));
    return std::chrono::duration_cast<milliseconds>(*parsed);
}

Result<net::Headers> headers_attribute(const Value& attributes, std::string_view name) {
    net::Headers headers;
    const Value* value = attributes.find(name);
    if (value == nullptr || value->is_null()) return headers;
    auto problem = [&](std::string text) { return std::unexpected(attribute_error(std::string(name), text)); };
    if (!value->is_map()) return problem("must be a map of header names to strings");
    for (const auto& [header, text] : value->as_map()) {
        if (header.empty() || header.find_first_of(": \r\n") != std::string::npos)
            return problem(fmt::format("has an invalid header name \"{}\"", header));
        if (text.is_string()) headers.emplace_back(header, text.as_string());
        else if (text.is_number()) headers.emplace_back(header, format_number(text.as_number()));
        else if (text.is_bool()) headers.emplace_back(header, text.as_bool() ? "true" : "false");
        else return problem(fmt::format("must map header names to strings; \"{}\" is {}", header, kind_name(text.kind())));
        if (headers.back().second.find_first_of("\r\n") != std::string::npos)
            return problem(fmt::format("header \"{}\" holds a line break", header));
    }
    return headers;
}

Result<int> count_attribute(const Value& attributes, std::string_view name, int fallback) {
    const Value* value = attributes.find(name);
    if (value == nullptr || value->is_null()) return fallback;
    auto number = integer_attribute(attributes, name);
    if (!number) return std::unexpected(number.error());
    if (*number < 0 || *number > 100)
        return std::unexpected(attribute_error(std::string(name), "must be between 0 and 100",
                                               fmt::format("Got {}.", *number)));
    return static_cast<int>(*number);
}

Result<void> check_delays(const net::RetryPolicy& policy, std::string_view attribute) {
    if (policy.min_delay <= policy.max_delay) return {};
    return std::unexpected(attribute_error(std::string(attribute), "has a min_delay longer than its max_delay",
                                           fmt::format("min_delay is {}ms, max_delay {}ms.", policy.min_delay.count(),
                                                       policy.max_delay.count())));
}

}  // namespace plinth::providers::http_client
