// core/expr/ast.h: the expression tree's node types. Private to core/expr: other parts hold an
// ExpressionPtr and go through expression.h. Nodes are immutable once built and live in an
// ExpressionArena (core/expr/arena.h), which owns them and their children.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/expr/expression.h"

namespace plinth::expr {

// A node's link to a sub-expression: a plain pointer, since the arena that holds the node holds
// (or keeps alive) the sub-expression too. Null where a part is optional.
using Subexpression = const Expression*;

// An identifier or a map key, kept once in its arena's table of names (most repeat: every
// resource writes the same attribute names).
using Name = const std::string*;

struct LiteralNode {
    Value value;
};

// String interpolation: the parts' values converted to strings and joined.
struct TemplateNode {
    std::vector<Subexpression> parts;
};

struct ListNode {
    std::vector<Subexpression> items;
};

// A map entry's key is a name (YAML mapping keys, bare identifiers: most keys) or, when `key` is
// set, an expression evaluated to a string. A name takes no node of its own: a stack of 100,000
// resources holds hundreds of thousands of them.
struct MapEntry {
    Name name = nullptr;  // the key when `key` is null
    SourceLocation name_location;
    Subexpression key = nullptr;
    Subexpression value = nullptr;

    // The key when it is fixed text: the name, or a string literal.
    const std::string* literal_key() const;
    SourceLocation key_location() const;
};

struct MapNode {
    std::vector<MapEntry> entries;
};

// A bare name: the root of a traversal (`var`, `web`), or a for-expression's variable.
struct NameNode {
    Name name;
};

struct GetAttrNode {
    Subexpression object = nullptr;
    Name name;
    SourceLocation name_location;  // of `name`, where a missing attribute is reported
};

struct IndexNode {
    Subexpression object = nullptr;
    Subexpression key = nullptr;
};

struct CallNode {
    Name name;
    std::vector<Subexpression> args;
    bool expand_last = false;  // `f(xs...)`: the last argument's elements become arguments
};

enum class UnaryOp { Negate, Not };

struct UnaryNode {
    UnaryOp op;
    Subexpression operand = nullptr;
};

enum class BinaryOp { Multiply, Divide, Modulo, Add, Subtract, Less, LessEqual, Greater, GreaterEqual,
                      Equal, NotEqual, And, Or };

struct BinaryNode {
    BinaryOp op;
    Subexpression lhs = nullptr;
    Subexpression rhs = nullptr;
};

struct ConditionalNode {
    Subexpression condition = nullptr;
    Subexpression if_true = nullptr;
    Subexpression if_false = nullptr;
};

// `[for k, v in xs : value if cond]` or `{for k, v in xs : key => value... if cond}`.
struct ForNode {
    std::string key_var;  // empty when only one variable is named
    std::string value_var;
    Subexpression collection = nullptr;
    Subexpression key = nullptr;    // set only for the map form
    Subexpression value = nullptr;
    Subexpression condition = nullptr;  // may be null
    bool grouping = false;    // map form with `...`: values with the same key gather into lists
};

// `source[*].rest`: `each` is evaluated once per element of source, with SplatItemNode standing
// for the element.
struct SplatNode {
    Subexpression source = nullptr;
    Subexpression each = nullptr;
};

struct SplatItemNode {};

// The text of a template's `%{ for }` directive: `items` (a list ForNode whose value is the
// directive's body, a TemplateNode) gives one string per element, joined here.
struct JoinNode {
    Subexpression items = nullptr;
};

// A node kept behind a pointer, so that a large, rare node type does not set the size of every
// node: a for-expression takes over 100 bytes, the others 40 at most (a stack of 100,000
// resources holds about half a million nodes). Reads as the node itself.
template <typename T>
class Boxed {
public:
    Boxed(T node) : m_node(std::make_shared<const T>(std::move(node))) {}
    operator const T&() const { return *m_node; }

private:
    std::shared_ptr<const T> m_node;
};

using Node = std::variant<LiteralNode, TemplateNode, ListNode, MapNode, NameNode, GetAttrNode, IndexNode,
                          CallNode, UnaryNode, BinaryNode, ConditionalNode, Boxed<ForNode>, SplatNode,
                          SplatItemNode, JoinNode>;

struct Expression {
    Node node;
    SourceLocation location;  // where the sub-expression's text starts
};
// A node's size is the stack's memory: keep a new node type from growing them all (box it).
static_assert(sizeof(Expression) <= 64, "an expression node grew: box the node type that made it");

}  // namespace plinth::expr
