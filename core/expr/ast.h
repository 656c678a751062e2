// core/expr/ast.h: the expression tree's node types. Private to core/expr: other parts hold an
// ExpressionPtr and go through expression.h. Nodes are immutable once built; children are shared.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/expr/expression.h"

namespace plinth::expr {

struct LiteralNode {
    Value value;
};

// String interpolation: the parts' values converted to strings and joined.
struct TemplateNode {
    std::vector<ExpressionPtr> parts;
};

struct ListNode {
    std::vector<ExpressionPtr> items;
};

// A map entry's key is a name (YAML mapping keys, bare identifiers: most keys) or, when `key` is
// set, an expression evaluated to a string. A name takes no node of its own: a stack of 100,000
// resources holds hundreds of thousands of them.
struct MapEntry {
    std::string name;  // the key when `key` is null
    SourceLocation name_location;
    ExpressionPtr key;
    ExpressionPtr value;

    // The key when it is fixed text: the name, or a string literal.
    const std::string* literal_key() const;
    SourceLocation key_location() const;
};

struct MapNode {
    std::vector<MapEntry> entries;
};

// A bare name: the root of a traversal (`var`, `web`), or a for-expression's variable.
struct NameNode {
    std::string name;
};

struct GetAttrNode {
    ExpressionPtr object;
    std::string name;
    SourceLocation name_location;  // of `name`, where a missing attribute is reported
};

struct IndexNode {
    ExpressionPtr object;
    ExpressionPtr key;
};

struct CallNode {
    std::string name;
    std::vector<ExpressionPtr> args;
    bool expand_last = false;  // `f(xs...)`: the last argument's elements become arguments
};

enum class UnaryOp { Negate, Not };

struct UnaryNode {
    UnaryOp op;
    ExpressionPtr operand;
};

enum class BinaryOp { Multiply, Divide, Modulo, Add, Subtract, Less, LessEqual, Greater, GreaterEqual,
                      Equal, NotEqual, And, Or };

struct BinaryNode {
    BinaryOp op;
    ExpressionPtr lhs;
    ExpressionPtr rhs;
};

struct ConditionalNode {
    ExpressionPtr condition;
    ExpressionPtr if_true;
    ExpressionPtr if_false;
};

// `[for k, v in xs : value if cond]` or `{for k, v in xs : key => value... if cond}`.
struct ForNode {
    std::string key_var;  // empty when only one variable is named
    std::string value_var;
    ExpressionPtr collection;
    ExpressionPtr key;    // set only for the map form
    ExpressionPtr value;
    ExpressionPtr condition;  // may be null
    bool grouping = false;    // map form with `...`: values with the same key gather into lists
};

// `source[*].rest`: `each` is evaluated once per element of source, with SplatItemNode standing
// for the element.
struct SplatNode {
    ExpressionPtr source;
    ExpressionPtr each;
};

struct SplatItemNode {};

// The text of a template's `%{ for }` directive: `items` (a list ForNode whose value is the
// directive's body, a TemplateNode) gives one string per element, joined here.
struct JoinNode {
    ExpressionPtr items;
};

// A node kept behind a pointer, so that a large, rare node type does not set the size of every
// node: a for-expression takes 136 bytes, most nodes under 50 (a stack of 100,000 resources holds
// about half a million nodes). Reads as the node itself.
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

template <typename T>
ExpressionPtr make_node(T node, SourceLocation location) {
    return std::make_shared<const Expression>(Expression{Node(std::move(node)), std::move(location)});
}

}  // namespace plinth::expr
