// core/stack/type_constraint.h: a variable's declared type (`string`, `number`, `bool`, `list`,
// `map`, `any`) and conversion of given values to it, with a precise error path. Built as a tree
// so `list(string)` and `object({...})` fit later.
#pragma once

#include <expected>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/value.h"

namespace plinth {

struct TypeConstraint {
    enum class Kind { Any, String, Number, Bool, List, Map };
    Kind kind = Kind::Any;
    std::shared_ptr<const TypeConstraint> element;  // for List/Map; null means any

    std::string to_string() const;  // as written: "string", "list", "list(string)"
};

// Parses a type as written in a stack; null when it is not a type.
std::optional<TypeConstraint> parse_type_constraint(std::string_view text);

// Converts `value` to `type` as Terraform does for variables: "3" -> 3 for number, "true" -> true
// for bool, numbers and bools -> string. On failure the message names the path, e.g.
// "var.ports[2]: expected number, got string". Unknown values pass through.
std::expected<Value, std::string> convert_to_type(const Value& value, const TypeConstraint& type,
                                                  const std::string& path);

}  // namespace plinth
