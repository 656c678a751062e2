#include "providers/schema.h"

#include "core/name_suggestion.h"

#include <algorithm>
#include <fmt/format.h>

namespace plinth::providers {

std::string_view to_string(AttributeType type) {
    switch (type) {
    case AttributeType::String: return "string";
    case AttributeType::Number: return "number";
    case AttributeType::Bool: return "bool";
    case AttributeType::List: return "list";
    case AttributeType::Map: return "map";
    case AttributeType::Any: return "any";
    }
    return "?";
}

const AttributeSchema* ResourceSchema::find(std::string_view name) const {
    auto it = std::find_if(attributes.begin(), attributes.end(),
                           [&](const AttributeSchema& a) { return a.name == name; });
    return it == attributes.end() ? nullptr : &*it;
}

namespace {

const ResourceSchema* find_type(const std::vector<ResourceSchema>& types, std::string_view type) {
    auto it = std::find_if(types.begin(), types.end(), [&](const ResourceSchema& r) { return r.type == type; });
    return it == types.end() ? nullptr : &*it;
}

// The settable attribute closest to `name`, when it is close enough to be a likely typo.
const AttributeSchema* closest_attribute(const ResourceSchema& schema, std::string_view name) {
    std::vector<std::string> settable;
    for (const auto& attribute : schema.attributes)
        if (attribute.required || attribute.optional) settable.push_back(attribute.name);
    const std::string* best = closest_name(name, settable);
    return best ? schema.find(*best) : nullptr;
}

bool type_matches(AttributeType type, const Value& value) {
    if (value.is_unknown() || value.is_null()) return true;
    switch (type) {
    case AttributeType::String: return value.is_string();
    case AttributeType::Number: return value.is_number();
    case AttributeType::Bool: return value.is_bool();
    case AttributeType::List: return value.is_list();
    case AttributeType::Map: return value.is_map();
    case AttributeType::Any: return true;
    }
    return false;
}

std::string type_mismatch_detail(const AttributeSchema& attribute, const Value& value) {
    std::string detail = fmt::format("Expected a {}, got a {}", to_string(attribute.type), kind_name(value.kind()));
    if (value.is_string() && (attribute.type == AttributeType::Number || attribute.type == AttributeType::Bool))
        detail += fmt::format(" ({}). Write the {} without quotes", to_display(value), to_string(attribute.type));
    else if (!value.is_sensitive() && (value.is_number() || value.is_bool()))
        detail += fmt::format(" ({})", to_display(value));
    return detail + ".";
}

void check_attribute(const ResourceSchema& schema, const std::string& name, const Value& value,
                     const AttributeLocator& locate, Diagnostics& out) {
    SourceLocation location = locate(name);
    const AttributeSchema* attribute = schema.find(name);
    if (attribute == nullptr) {
        std::string detail = fmt::format("{} has no attribute \"{}\".", schema.type, name);
        if (const AttributeSchema* close = closest_attribute(schema, name))
            detail += fmt::format(" Did you mean \"{}\"?", close->name);
        out.add_error(fmt::format("Unsupported attribute \"{}\"", name), detail, location);
        return;
    }
    if (!attribute->required && !attribute->optional) {
        out.add_error(fmt::format("Cannot set computed attribute \"{}\"", name),
                      fmt::format("{}'s \"{}\" is set by the provider, not in the stack.", schema.type, name),
                      location);
        return;
    }
    if (!type_matches(attribute->type, value))
        out.add_error(fmt::format("Wrong type for attribute \"{}\"", name), type_mismatch_detail(*attribute, value),
                      location);
}

bool is_set(const Value* value) { return value != nullptr && !value->is_null(); }

}  // namespace

const ResourceSchema* ProviderSchema::find_resource(std::string_view type) const { return find_type(resources, type); }

const ResourceSchema* ProviderSchema::find_data_source(std::string_view type) const {
    return find_type(data_sources, type);
}

Diagnostics validate_properties(const ResourceSchema& schema, const Value& properties, const SourceLocation& location) {
    return validate_properties(schema, properties, [&](std::string_view) { return location; });
}

Diagnostics validate_properties(const ResourceSchema& schema, const Value& properties, const AttributeLocator& locate) {
    SourceLocation location = locate("");
    Diagnostics out;
    if (properties.is_unknown()) return out;
    if (!properties.is_null() && !properties.is_map()) {
        out.add_error(fmt::format("Properties of {} must be a map", schema.type),
                      fmt::format("Got a {}.", kind_name(properties.kind())), location);
        return out;
    }
    if (properties.is_map())
        for (const auto& [name, value] : properties.as_map()) check_attribute(schema, name, value, locate, out);
    for (const auto& attribute : schema.attributes)
        if (attribute.required && !is_set(properties.find(attribute.name)))
            out.add_error(fmt::format("Missing required attribute \"{}\"", attribute.name),
                          fmt::format("{} requires \"{}\".", schema.type, attribute.name), location);
    return out;
}

namespace {

// What the user asks for an attribute: the configured value, else the default, else null.
// Null too for an optional+computed attribute left unset: the provider decides it.
Value desired_value(const AttributeSchema& attribute, const Value& desired) {
    if (const Value* value = desired.find(attribute.name); is_set(value)) return *value;
    if (attribute.default_value) return *attribute.default_value;
    return Value{};
}

bool user_controls(const AttributeSchema& attribute, const Value& desired) {
    if (!attribute.computed) return true;
    return attribute.optional && is_set(desired.find(attribute.name));
}

}  // namespace

GenericPlan plan_from_schema(const ResourceSchema& schema, const Value* prior, const Value& desired) {
    GenericPlan plan;
    if (prior != nullptr)
        for (const auto& attribute : schema.attributes) {
            if (!attribute.force_new || !user_controls(attribute, desired)) continue;
            Value wanted = desired_value(attribute, desired);
            const Value* before = prior->find(attribute.name);
            bool changed = !wanted.is_wholly_known() || wanted != (before ? *before : Value{});
            if (changed) plan.requires_replace.push_back(attribute.name);
        }
    bool keep_prior = prior != nullptr && plan.requires_replace.empty();

    ValueMap planned;
    for (const auto& attribute : schema.attributes) {
        Value value;
        if (user_controls(attribute, desired)) {
            value = desired_value(attribute, desired);
        } else {
            // A kept object keeps what the provider recorded, null included; an attribute the
            // prior state lacks (or a new or replaced object) is known only after apply.
            const Value* before = keep_prior ? prior->find(attribute.name) : nullptr;
            value = before ? *before : Value::unknown();
        }
        if (attribute.sensitive && !value.is_null()) value.mark_sensitive();
        planned.emplace(attribute.name, std::move(value));
    }
    plan.planned = Value(std::move(planned));
    return plan;
}

Value mark_sensitive_attributes(const ResourceSchema& schema, Value attributes) {
    if (!attributes.is_map()) return attributes;
    for (const auto& attribute : schema.attributes)
        if (attribute.sensitive)
            if (auto it = attributes.as_map().find(attribute.name);
                it != attributes.as_map().end() && !it->second.is_null())
                it->second.mark_sensitive();
    return attributes;
}

}  // namespace plinth::providers
