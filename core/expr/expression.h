// core/expr/expression.h: the public face of the expression language: parsing `${...}` templates
// into an expression tree, listing the references a tree makes (the graph's edges), and
// evaluating it against a scope. The tree's node types are private to core/expr.
#pragma once

#include <expected>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/value.h"

namespace plinth::expr {

struct Expression;  // defined in core/expr/ast.h
// Shared and immutable, so a parsed stack can be copied and read from many threads.
using ExpressionPtr = std::shared_ptr<const Expression>;

// Where parsed trees live (core/expr/arena.h). Builders given the same arena put every node in
// it: the stack loader keeps one per file. Given none, each tree gets its own.
class ExpressionArena;
using ArenaPtr = std::shared_ptr<ExpressionArena>;
ArenaPtr make_arena();

// Parses a string as written in a stack. Text without `${` is a string literal; exactly one
// `${ expr }` and nothing else keeps the expression's own type; anything else interpolates into a
// string. `$${` is a literal `${`. `start` is the location of the string's first character;
// diagnostics point inside the string from there (newlines advance the line).
std::expected<ExpressionPtr, Diagnostics> parse_template(std::string_view text, const SourceLocation& start,
                                                         const ArenaPtr& arena = nullptr);

// Parses a bare expression, without `${ }` around it (e.g. `var.replicas <= 10`).
std::expected<ExpressionPtr, Diagnostics> parse_expression(std::string_view text, const SourceLocation& start,
                                                           const ArenaPtr& arena = nullptr);

// Builders for values that come straight from YAML structure rather than from text. Members
// built in another arena are kept alive with the new node's.
ExpressionPtr make_literal(Value value, SourceLocation location, const ArenaPtr& arena = nullptr);
ExpressionPtr make_list(std::vector<ExpressionPtr> items, SourceLocation location, const ArenaPtr& arena = nullptr);
ExpressionPtr make_map(std::vector<std::pair<std::string, ExpressionPtr>> entries, SourceLocation location,
                       const ArenaPtr& arena = nullptr);

SourceLocation location_of(const Expression& expression);

// Where member `key` of a map written literally in the stack is, so diagnostics about one
// property can point at it; null when `expression` is not such a map or has no such key.
std::optional<SourceLocation> member_location(const Expression& expression, std::string_view key);

// The members of a map written literally in the stack (`inputs: {a: 1}`), in source order:
// each literal key, where it is written, and its value's expression (which keeps `expression`'s
// tree alive). Empty for anything else.
struct MapMember {
    std::string key;
    SourceLocation location;
    ExpressionPtr value;
};
std::vector<MapMember> literal_map_members(const ExpressionPtr& expression);

// A reference to a named thing, e.g. `var.region` -> {root "var", path ["region"]},
// `web.tags["env"]` -> {root "web", path ["tags", "env"]}. `path` holds the static attribute names
// and literal keys after the root, up to the first computed index.
struct Reference {
    std::string root;
    std::vector<std::string> path;
    SourceLocation location;

    // "var.region", "web.tags.env"
    std::string to_string() const;
};

// Every reference in the tree, in source order (duplicates kept, each with its own location).
std::vector<Reference> collect_references(const Expression& expression);

// What names mean during evaluation. `lookup("var")` returns a map of all variables,
// `lookup("web")` the object of resource `web`, `lookup("path")` a map with `stack`, and so on.
// Null means the name is not known here.
class Scope {
public:
    virtual ~Scope() = default;
    virtual const Value* lookup(std::string_view root) const = 0;
};

class FunctionTable;

struct EvalContext {
    const Scope& scope;
    const FunctionTable& functions;
    std::filesystem::path base_dir;  // where file() and friends resolve relative paths
};

// A value as a condition, as Terraform converts it: a bool, or the strings "true" and "false";
// null for anything else. (Defined with the operators, which use it too.)
std::optional<bool> convert_to_bool(const Value& value);

// Evaluates the tree. Operations on unknown values give unknown results; anything derived from
// a sensitive value is sensitive. Failures point at the sub-expression that failed.
std::expected<Value, Diagnostics> evaluate(const Expression& expression, const EvalContext& context);

}  // namespace plinth::expr
