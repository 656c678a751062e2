// core/expr/evaluator.h: walks an expression tree and computes its value against an EvalContext.
// One Evaluator serves one evaluate() call; it holds the for-expression variables and splat
// elements in scope while their bodies are evaluated.
#pragma once

#include <deque>
#include <expected>
#include <string>
#include <utility>
#include <vector>

#include "core/expr/ast.h"
#include "core/expr/functions.h"

namespace plinth::expr {

class Evaluator {
public:
    explicit Evaluator(const EvalContext& context) : m_context(context) {}

    using Result = std::expected<Value, Diagnostics>;
    Result eval(const Expression& expression);

private:
    // Where a traversal step's value lives: inside the scope (no copy) or computed here.
    struct Place {
        const Value* borrowed = nullptr;
        Value owned;
        bool sensitive = false;  // a container on the way was sensitive
        const Value& get() const { return borrowed ? *borrowed : owned; }
    };
    using PlaceResult = std::expected<Place, Diagnostics>;

    Result eval_node(const Expression& e, const LiteralNode& node);
    Result eval_node(const Expression& e, const TemplateNode& node);
    Result eval_node(const Expression& e, const ListNode& node);
    Result eval_node(const Expression& e, const MapNode& node);
    Result eval_node(const Expression& e, const NameNode& node);
    Result eval_node(const Expression& e, const GetAttrNode& node);
    Result eval_node(const Expression& e, const IndexNode& node);
    Result eval_node(const Expression& e, const CallNode& node);
    Result eval_node(const Expression& e, const UnaryNode& node);
    Result eval_node(const Expression& e, const BinaryNode& node);
    Result eval_node(const Expression& e, const ConditionalNode& node);
    Result eval_node(const Expression& e, const ForNode& node);
    Result eval_node(const Expression& e, const SplatNode& node);
    Result eval_node(const Expression& e, const SplatItemNode& node);
    Result eval_node(const Expression& e, const JoinNode& node);

    Result from_place(const Expression& expression);
    PlaceResult place(const Expression& expression);
    PlaceResult name_place(const Expression& e, const NameNode& node);
    PlaceResult attribute_place(const GetAttrNode& node);
    PlaceResult index_place(const Expression& e, const IndexNode& node);
    Result logical(const Expression& e, const BinaryNode& node);
    // One element of a for expression, evaluated with its variables bound.
    struct ForItem {
        bool include = false;
        bool unknown = false;  // the condition or key is unknown: so is the whole result
        bool sensitive = false;
        Value key;
        Value value;
    };
    std::expected<ForItem, Diagnostics> for_item(const ForNode& node, Value key, Value value);
    std::expected<ForItem, Diagnostics> for_item_bound(const ForNode& node);
    Result for_result(const ForNode& node, std::vector<std::pair<Value, Value>> elements);
    Result for_map(const ForNode& node, std::vector<ValueMap::value_type> entries);
    std::expected<std::vector<std::pair<Value, Value>>, Diagnostics> for_elements(const ForNode& node, const Value& collection);
    Result call_function(const Expression& e, const FunctionSpec& spec, ValueList args);
    Result call_with_site(const Expression& e, const CallNode& node, const FunctionSpec& spec);
    std::expected<ValueList, Diagnostics> call_arguments(const CallNode& node, bool& unknown);

    const EvalContext& m_context;
    // Deques: references to existing elements survive pushes while a traversal holds them.
    std::deque<std::pair<std::string, Value>> m_locals;  // for-expression variables, innermost last
    std::deque<Value> m_splat_items;                     // the element a splat body is applied to
};

// A diagnostic at `location` with `summary`, as a failed Result.
std::unexpected<Diagnostics> eval_error(std::string summary, const SourceLocation& location, std::string detail = {});

// `value` with the sensitive mark added when `sensitive`.
Value with_sensitivity(Value value, bool sensitive);

}  // namespace plinth::expr
