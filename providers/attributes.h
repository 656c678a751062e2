// providers/attributes.h: helpers for built-in provider implementations: declaring attributes
// concisely, and reading and writing attribute maps without throwing (a missing or wrongly typed
// attribute reads as absent; providers validate types before they read).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/value.h"
#include "providers/provider.h"
#include "providers/schema.h"

namespace plinth::providers {

AttributeSchema required_attribute(std::string name, AttributeType type, std::string description);
AttributeSchema optional_attribute(std::string name, AttributeType type, std::string description,
                                   std::optional<Value> default_value = {});
AttributeSchema computed_attribute(std::string name, AttributeType type, std::string description);
// The same attribute, with a change forcing replacement.
AttributeSchema replacing(AttributeSchema attribute);
// The same attribute, marked sensitive.
AttributeSchema secret(AttributeSchema attribute);

// The string at `name`; null when absent, null, unknown or not a string.
const std::string* string_attribute(const Value& attributes, std::string_view name);
// True when the attribute is present and unknown, or holds an unknown inside.
bool is_unknown_attribute(const Value& attributes, std::string_view name);
// A whole number; an error naming the attribute when it is absent, not a number, or fractional.
Result<std::int64_t> integer_attribute(const Value& attributes, std::string_view name);
// The bool at `name`, or `fallback` when it is absent or not a bool.
bool bool_attribute(const Value& attributes, std::string_view name, bool fallback);
// Sets an attribute of a map value (a non-map becomes an empty map first).
void set_attribute(Value& attributes, std::string_view name, Value value);
// True when every attribute is known and `id` is set: the object was confirmed created.
bool is_confirmed(const Value& attributes);

// An error about one attribute; the summary names it.
ProviderError attribute_error(std::string attribute, std::string_view problem, std::string detail = {});

}  // namespace plinth::providers
