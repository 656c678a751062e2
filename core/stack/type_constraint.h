// core/stack/type_constraint.h: a variable's declared type, as Terraform has them: `string`,
// `number`, `bool`, `any`, `list(T)`, `set(T)`, `map(T)`, `tuple([T, ...])` and
// `object({name = T, other = optional(T, default)})`; reading it from its text (type_parser.cpp)
// and converting given values to it, with a precise error path (type_constraint.cpp).
#pragma once

#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/value.h"

namespace plinth {

struct TypeConstraint {
    enum class Kind { Any, String, Number, Bool, List, Set, Map, Tuple, Object };
    struct Attribute;

    Kind kind = Kind::Any;
    // List, Set, Map: exactly one, the element type (`any` for a bare `list`). Tuple: one per
    // position. Empty for the other kinds.
    std::vector<TypeConstraint> elements;
    // Object: its attributes, sorted by name, names unique. Empty for the other kinds.
    std::vector<Attribute> attributes;

    // As Terraform writes it: "string", "list(any)", "object({name = string, port = optional(number, 80)})".
    std::string to_string() const;
};

struct TypeConstraint::Attribute {
    std::string name;
    TypeConstraint type;
    bool optional = false;
    // Only for optional attributes: the value used when the attribute is absent or null,
    // already converted to `type`. Absent: such an attribute becomes null.
    std::optional<Value> default_value;
};

// Parses a type as written in a stack. `start` is where the text begins, so an error points at
// the offending word, e.g. "unknown type `strng`" at its column.
std::expected<TypeConstraint, Diagnostic> parse_type_constraint(std::string_view text, const SourceLocation& start = {});

// Converts `value` to `type` as Terraform does for variables: "3" -> 3 for number, "true" -> true
// for bool, numbers and bools -> string; a set drops duplicates and is sorted as toset() sorts;
// the elements of `list(any)`, `set(any)` and `map(any)` are made one type (mixed primitives
// become strings); an object must have every attribute that is not optional and no other (an
// absent or null optional attribute takes its default). On failure the message names the path,
// e.g. "var.servers[2].port: expected number, got string", "var.cfg.name: attribute required".
// Null and unknown values pass through; sensitive marks are kept.
std::expected<Value, std::string> convert_to_type(const Value& value, const TypeConstraint& type,
                                                  const std::string& path);

}  // namespace plinth
