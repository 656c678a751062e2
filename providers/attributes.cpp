#include "providers/attributes.h"

#include <cmath>
#include <fmt/format.h>

namespace plinth::providers {

namespace {
AttributeSchema attribute_named(std::string name, AttributeType type, std::string description) {
    AttributeSchema attribute;
    attribute.name = std::move(name);
    attribute.type = type;
    attribute.description = std::move(description);
    return attribute;
}
}  // namespace

AttributeSchema required_attribute(std::string name, AttributeType type, std::string description) {
    AttributeSchema attribute = attribute_named(std::move(name), type, std::move(description));
    attribute.required = true;
    return attribute;
}

AttributeSchema optional_attribute(std::string name, AttributeType type, std::string description,
                                   std::optional<Value> default_value) {
    AttributeSchema attribute = attribute_named(std::move(name), type, std::move(description));
    attribute.optional = true;
    attribute.default_value = std::move(default_value);
    return attribute;
}

AttributeSchema computed_attribute(std::string name, AttributeType type, std::string description) {
    AttributeSchema attribute = attribute_named(std::move(name), type, std::move(description));
    attribute.computed = true;
    return attribute;
}

AttributeSchema replacing(AttributeSchema attribute) {
    attribute.force_new = true;
    return attribute;
}

AttributeSchema secret(AttributeSchema attribute) {
    attribute.sensitive = true;
    return attribute;
}

const std::string* string_attribute(const Value& attributes, std::string_view name) {
    const Value* value = attributes.find(name);
    return value != nullptr && value->is_string() ? &value->as_string() : nullptr;
}

bool is_unknown_attribute(const Value& attributes, std::string_view name) {
    const Value* value = attributes.find(name);
    return value != nullptr && !value->is_wholly_known();
}

Result<std::int64_t> integer_attribute(const Value& attributes, std::string_view name) {
    const Value* value = attributes.find(name);
    if (value == nullptr || !value->is_number())
        return std::unexpected(attribute_error(std::string(name), "must be a number"));
    double number = value->as_number();
    if (!std::isfinite(number) || number != std::trunc(number) || std::fabs(number) > 9.0e15)
        return std::unexpected(attribute_error(std::string(name), "must be a whole number",
                                               fmt::format("Got {}.", format_number(number))));
    return static_cast<std::int64_t>(number);
}

bool bool_attribute(const Value& attributes, std::string_view name, bool fallback) {
    const Value* value = attributes.find(name);
    return value != nullptr && value->is_bool() ? value->as_bool() : fallback;
}

void set_attribute(Value& attributes, std::string_view name, Value value) {
    if (!attributes.is_map()) attributes = Value(ValueMap{});
    attributes.as_map().insert_or_assign(std::string(name), std::move(value));
}

bool is_confirmed(const Value& attributes) {
    const Value* id = attributes.find("id");
    return attributes.is_wholly_known() && id != nullptr && !id->is_null();
}

ProviderError attribute_error(std::string attribute, std::string_view problem, std::string detail) {
    std::string summary = fmt::format("\"{}\" {}", attribute, problem);
    return provider_error(std::move(summary), std::move(detail), std::move(attribute));
}

}  // namespace plinth::providers
