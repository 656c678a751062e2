#include "core/stack/type_constraint.h"

#include <fmt/format.h>

#include "core/stack/number_text.h"

namespace plinth {
namespace {

using Kind = TypeConstraint::Kind;

std::string_view kind_word(Kind kind) {
    switch (kind) {
    case Kind::Any: return "any";
    case Kind::String: return "string";
    case Kind::Number: return "number";
    case Kind::Bool: return "bool";
    case Kind::List: return "list";
    case Kind::Map: return "map";
    }
    return "any";
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

std::optional<Kind> simple_kind(std::string_view word) {
    for (Kind kind : {Kind::Any, Kind::String, Kind::Number, Kind::Bool, Kind::List, Kind::Map})
        if (word == kind_word(kind)) return kind;
    return std::nullopt;
}

std::string mismatch(const std::string& path, const TypeConstraint& type, const Value& value) {
    return fmt::format("{}: expected {}, got {}", path, type.to_string(), kind_name(value.kind()));
}

std::expected<Value, std::string> to_string_value(const Value& value, const TypeConstraint& type,
                                                  const std::string& path) {
    if (value.is_string()) return value;
    if (value.is_number()) return Value(format_number(value.as_number()));
    if (value.is_bool()) return Value(value.as_bool() ? "true" : "false");
    return std::unexpected(mismatch(path, type, value));
}

std::expected<Value, std::string> to_number_value(const Value& value, const TypeConstraint& type,
                                                  const std::string& path) {
    if (value.is_number()) return value;
    if (value.is_string())
        if (auto number = parse_decimal(value.as_string())) return Value(*number);
    return std::unexpected(mismatch(path, type, value));
}

std::expected<Value, std::string> to_bool_value(const Value& value, const TypeConstraint& type,
                                                const std::string& path) {
    if (value.is_bool()) return value;
    if (value.is_string() && value.as_string() == "true") return Value(true);
    if (value.is_string() && value.as_string() == "false") return Value(false);
    return std::unexpected(mismatch(path, type, value));
}

const TypeConstraint& element_of(const TypeConstraint& type) {
    static const TypeConstraint k_any;
    return type.element ? *type.element : k_any;
}

std::expected<Value, std::string> to_list_value(const Value& value, const TypeConstraint& type,
                                                const std::string& path) {
    if (!value.is_list()) return std::unexpected(mismatch(path, type, value));
    ValueList items;
    for (std::size_t i = 0; i < value.as_list().size(); ++i) {
        auto item = convert_to_type(value.as_list()[i], element_of(type), fmt::format("{}[{}]", path, i));
        if (!item) return std::unexpected(item.error());
        items.push_back(std::move(*item));
    }
    return Value(std::move(items));
}

std::expected<Value, std::string> to_map_value(const Value& value, const TypeConstraint& type,
                                               const std::string& path) {
    if (!value.is_map()) return std::unexpected(mismatch(path, type, value));
    ValueMap entries;
    for (const auto& [key, member] : value.as_map()) {
        auto item = convert_to_type(member, element_of(type), fmt::format("{}[\"{}\"]", path, key));
        if (!item) return std::unexpected(item.error());
        entries.emplace(key, std::move(*item));
    }
    return Value(std::move(entries));
}

std::expected<Value, std::string> convert_known(const Value& value, const TypeConstraint& type,
                                                const std::string& path) {
    switch (type.kind) {
    case Kind::Any: return value;
    case Kind::String: return to_string_value(value, type, path);
    case Kind::Number: return to_number_value(value, type, path);
    case Kind::Bool: return to_bool_value(value, type, path);
    case Kind::List: return to_list_value(value, type, path);
    case Kind::Map: return to_map_value(value, type, path);
    }
    return value;
}

}  // namespace

std::string TypeConstraint::to_string() const {
    std::string word(kind_word(kind));
    if (element) return fmt::format("{}({})", word, element->to_string());
    return word;
}

std::optional<TypeConstraint> parse_type_constraint(std::string_view text) {
    text = trim(text);
    auto open = text.find('(');
    if (open == std::string_view::npos) {
        auto kind = simple_kind(text);
        if (!kind) return std::nullopt;
        return TypeConstraint{*kind, nullptr};
    }
    if (text.back() != ')') return std::nullopt;
    auto kind = simple_kind(trim(text.substr(0, open)));
    if (!kind || (*kind != Kind::List && *kind != Kind::Map)) return std::nullopt;
    auto element = parse_type_constraint(text.substr(open + 1, text.size() - open - 2));
    if (!element) return std::nullopt;
    return TypeConstraint{*kind, std::make_shared<const TypeConstraint>(std::move(*element))};
}

std::expected<Value, std::string> convert_to_type(const Value& value, const TypeConstraint& type,
                                                  const std::string& path) {
    if (value.is_unknown() || value.is_null()) return value;
    auto converted = convert_known(value, type, path);
    if (converted && value.is_sensitive()) converted->mark_sensitive();
    return converted;
}

}  // namespace plinth
