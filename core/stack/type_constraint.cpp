// Converting values to a type constraint, and writing a type as Terraform does.
#include "core/stack/type_constraint.h"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/expr/functions.h"
#include "core/name_suggestion.h"
#include "core/stack/number_text.h"

namespace plinth {
namespace {

using Kind = TypeConstraint::Kind;
using Converted = std::expected<Value, std::string>;

std::string mismatch(const std::string& path, const TypeConstraint& type, const Value& value) {
    return fmt::format("{}: expected {}, got {}", path, type.to_string(), kind_name(value.kind()));
}

Converted to_string_value(const Value& value, const TypeConstraint& type, const std::string& path) {
    if (value.is_string()) return value;
    if (value.is_number()) return Value(format_number(value.as_number()));
    if (value.is_bool()) return Value(value.as_bool() ? "true" : "false");
    return std::unexpected(mismatch(path, type, value));
}

Converted to_number_value(const Value& value, const TypeConstraint& type, const std::string& path) {
    if (value.is_number()) return value;
    if (value.is_string())
        if (auto number = parse_decimal(value.as_string())) return Value(*number);
    return std::unexpected(mismatch(path, type, value));
}

Converted to_bool_value(const Value& value, const TypeConstraint& type, const std::string& path) {
    if (value.is_bool()) return value;
    if (value.is_string() && value.as_string() == "true") return Value(true);
    if (value.is_string() && value.as_string() == "false") return Value(false);
    return std::unexpected(mismatch(path, type, value));
}

bool is_primitive(const Value& value) { return value.is_string() || value.is_number() || value.is_bool(); }

// The elements of a collection of `any` made one type, as Terraform does: mixed primitives all
// become strings; primitives mixed with lists or maps, or lists mixed with maps, are an error.
// Null and unknown elements take no part.
std::expected<void, std::string> unify(std::vector<Value*> items, std::string_view collection, const std::string& path) {
    std::erase_if(items, [](const Value* item) { return item->is_null() || item->is_unknown(); });
    if (items.empty()) return {};
    ValueKind first = items.front()->kind();
    bool same = std::all_of(items.begin(), items.end(), [&](const Value* item) { return item->kind() == first; });
    if (same) return {};
    if (!std::all_of(items.begin(), items.end(), [](const Value* item) { return is_primitive(*item); }))
        return std::unexpected(fmt::format("{}: all {} elements must have the same type", path, collection));
    for (Value* item : items) {
        bool sensitive = item->is_sensitive();
        *item = *to_string_value(*item, TypeConstraint{Kind::String, {}, {}}, path);
        item->mark_sensitive(sensitive);
    }
    return {};
}

std::expected<ValueList, std::string> convert_items(const ValueList& list, const TypeConstraint& element,
                                                    const std::string& path) {
    ValueList items;
    items.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        auto item = convert_to_type(list[i], element, fmt::format("{}[{}]", path, i));
        if (!item) return std::unexpected(item.error());
        items.push_back(std::move(*item));
    }
    if (element.kind != Kind::Any) return items;
    std::vector<Value*> pointers;
    for (auto& item : items) pointers.push_back(&item);
    auto unified = unify(std::move(pointers), "list", path);
    if (!unified) return std::unexpected(unified.error());
    return items;
}

Converted to_list_value(const Value& value, const TypeConstraint& type, const std::string& path) {
    if (!value.is_list()) return std::unexpected(mismatch(path, type, value));
    auto items = convert_items(value.as_list(), type.elements.front(), path);
    if (!items) return std::unexpected(items.error());
    if (type.kind == Kind::Set) return Value(expr::make_set(std::move(*items)));
    return Value(std::move(*items));
}

Converted to_map_value(const Value& value, const TypeConstraint& type, const std::string& path) {
    if (!value.is_map()) return std::unexpected(mismatch(path, type, value));
    const TypeConstraint& element = type.elements.front();
    ValueMap entries;
    for (const auto& [key, member] : value.as_map()) {
        auto item = convert_to_type(member, element, fmt::format("{}[\"{}\"]", path, key));
        if (!item) return std::unexpected(item.error());
        entries.emplace(key, std::move(*item));
    }
    if (element.kind != Kind::Any) return Value(std::move(entries));
    std::vector<Value*> pointers;
    for (auto& [key, member] : entries) pointers.push_back(&member);
    auto unified = unify(std::move(pointers), "map", path);
    if (!unified) return std::unexpected(unified.error());
    return Value(std::move(entries));
}

Converted to_tuple_value(const Value& value, const TypeConstraint& type, const std::string& path) {
    if (!value.is_list()) return std::unexpected(mismatch(path, type, value));
    const ValueList& list = value.as_list();
    if (list.size() != type.elements.size())
        return std::unexpected(fmt::format("{}: expected a tuple of {} element{}, got {}", path, type.elements.size(),
                                           type.elements.size() == 1 ? "" : "s", list.size()));
    ValueList items;
    for (std::size_t i = 0; i < list.size(); ++i) {
        auto item = convert_to_type(list[i], type.elements[i], fmt::format("{}[{}]", path, i));
        if (!item) return std::unexpected(item.error());
        items.push_back(std::move(*item));
    }
    return Value(std::move(items));
}

// Every given attribute must be declared; the message suggests the closest declared name.
std::expected<void, std::string> check_unexpected(const ValueMap& given, const TypeConstraint& type,
                                                  const std::string& path) {
    std::vector<std::string> names;
    for (const auto& attribute : type.attributes) names.push_back(attribute.name);
    for (const auto& [key, member] : given) {
        if (std::find(names.begin(), names.end(), key) != names.end()) continue;
        std::string hint = did_you_mean(key, names);
        return std::unexpected(fmt::format("{}: unexpected attribute \"{}\"{}{}", path, key, hint.empty() ? "" : "; ", hint));
    }
    return {};
}

Converted to_object_value(const Value& value, const TypeConstraint& type, const std::string& path) {
    if (!value.is_map()) return std::unexpected(mismatch(path, type, value));
    const ValueMap& given = value.as_map();
    if (auto unexpected = check_unexpected(given, type, path); !unexpected) return std::unexpected(unexpected.error());
    ValueMap entries;
    for (const auto& attribute : type.attributes) {
        std::string attribute_path = fmt::format("{}.{}", path, attribute.name);
        const Value* member = value.find(attribute.name);
        if (!member && !attribute.optional) return std::unexpected(attribute_path + ": attribute required");
        if ((!member || member->is_null()) && attribute.optional) {
            entries.emplace(attribute.name, attribute.default_value.value_or(Value()));
            continue;
        }
        auto item = convert_to_type(*member, attribute.type, attribute_path);
        if (!item) return std::unexpected(item.error());
        entries.emplace(attribute.name, std::move(*item));
    }
    return Value(std::move(entries));
}

Converted convert_known(const Value& value, const TypeConstraint& type, const std::string& path) {
    switch (type.kind) {
    case Kind::Any: return value;
    case Kind::String: return to_string_value(value, type, path);
    case Kind::Number: return to_number_value(value, type, path);
    case Kind::Bool: return to_bool_value(value, type, path);
    case Kind::List:
    case Kind::Set: return to_list_value(value, type, path);
    case Kind::Map: return to_map_value(value, type, path);
    case Kind::Tuple: return to_tuple_value(value, type, path);
    case Kind::Object: return to_object_value(value, type, path);
    }
    return value;
}

std::string_view kind_word(Kind kind) {
    switch (kind) {
    case Kind::Any: return "any";
    case Kind::String: return "string";
    case Kind::Number: return "number";
    case Kind::Bool: return "bool";
    case Kind::List: return "list";
    case Kind::Set: return "set";
    case Kind::Map: return "map";
    case Kind::Tuple: return "tuple";
    case Kind::Object: return "object";
    }
    return "any";
}

std::string attribute_text(const TypeConstraint::Attribute& attribute) {
    if (!attribute.optional) return fmt::format("{} = {}", attribute.name, attribute.type.to_string());
    if (!attribute.default_value) return fmt::format("{} = optional({})", attribute.name, attribute.type.to_string());
    return fmt::format("{} = optional({}, {})", attribute.name, attribute.type.to_string(),
                       to_display(*attribute.default_value));
}

}  // namespace

std::string TypeConstraint::to_string() const {
    std::string word(kind_word(kind));
    std::vector<std::string> parts;
    switch (kind) {
    case Kind::List:
    case Kind::Set:
    case Kind::Map: return fmt::format("{}({})", word, elements.front().to_string());
    case Kind::Tuple:
        for (const auto& element : elements) parts.push_back(element.to_string());
        return fmt::format("tuple([{}])", fmt::join(parts, ", "));
    case Kind::Object:
        for (const auto& attribute : attributes) parts.push_back(attribute_text(attribute));
        return fmt::format("object({{{}}})", fmt::join(parts, ", "));
    default: return word;
    }
}

std::expected<Value, std::string> convert_to_type(const Value& value, const TypeConstraint& type,
                                                  const std::string& path) {
    if (value.is_unknown() || value.is_null()) return value;
    auto converted = convert_known(value, type, path);
    if (converted && value.is_sensitive()) converted->mark_sensitive();
    return converted;
}

}  // namespace plinth
