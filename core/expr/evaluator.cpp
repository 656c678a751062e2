#include "core/expr/evaluator.h"

#include <cmath>
#include <fmt/format.h>

#include "core/expr/operators.h"

namespace plinth::expr {

std::unexpected<Diagnostics> eval_error(std::string summary, const SourceLocation& location, std::string detail) {
    return std::unexpected(Diagnostics(make_error(std::move(summary), std::move(detail), location)));
}

Value with_sensitivity(Value value, bool sensitive) {
    if (sensitive) value.mark_sensitive();
    return value;
}

std::expected<Value, Diagnostics> evaluate(const Expression& expression, const EvalContext& context) {
    return Evaluator(context).eval(expression);
}

Evaluator::Result Evaluator::eval(const Expression& expression) {
    return std::visit([&](const auto& node) { return eval_node(expression, node); }, expression.node);
}

Evaluator::Result Evaluator::eval_node(const Expression&, const LiteralNode& node) { return node.value; }
Evaluator::Result Evaluator::eval_node(const Expression& e, const NameNode&) { return from_place(e); }
Evaluator::Result Evaluator::eval_node(const Expression& e, const GetAttrNode&) { return from_place(e); }
Evaluator::Result Evaluator::eval_node(const Expression& e, const IndexNode&) { return from_place(e); }
Evaluator::Result Evaluator::eval_node(const Expression& e, const SplatItemNode&) { return from_place(e); }

Evaluator::Result Evaluator::from_place(const Expression& expression) {
    auto found = place(expression);
    if (!found) return std::unexpected(std::move(found.error()));
    Value value = found->borrowed ? *found->borrowed : std::move(found->owned);
    return with_sensitivity(std::move(value), found->sensitive);
}

Evaluator::PlaceResult Evaluator::place(const Expression& expression) {
    if (const auto* name = std::get_if<NameNode>(&expression.node)) return name_place(expression, *name);
    if (const auto* attr = std::get_if<GetAttrNode>(&expression.node)) return attribute_place(*attr);
    if (const auto* index = std::get_if<IndexNode>(&expression.node)) return index_place(expression, *index);
    if (std::holds_alternative<SplatItemNode>(expression.node)) return Place{&m_splat_items.back(), {}, false};
    auto value = eval(expression);
    if (!value) return std::unexpected(std::move(value.error()));
    return Place{nullptr, std::move(*value), false};
}

Evaluator::PlaceResult Evaluator::name_place(const Expression& e, const NameNode& node) {
    for (auto it = m_locals.rbegin(); it != m_locals.rend(); ++it)
        if (it->first == *node.name) return Place{&it->second, {}, false};
    if (const Value* value = m_context.scope.lookup(*node.name)) return Place{value, {}, false};
    return eval_error(fmt::format("unknown name `{}`", *node.name), e.location);
}

namespace {

std::string no_attributes_detail(const Value& object) {
    if (object.is_list()) return "a list has no attributes: use [N] for one element, or [*].NAME for all of them";
    return fmt::format("a {} has no attributes", kind_name(object.kind()));
}

// A place inside `base`: borrowed when base is, copied out when base is a temporary.
template <typename Place>
Place inner_place(const Place& base, const Value& inner, bool sensitive) {
    if (base.borrowed) return Place{&inner, {}, sensitive};
    return Place{nullptr, inner, sensitive};
}

}  // namespace

Evaluator::PlaceResult Evaluator::attribute_place(const GetAttrNode& node) {
    auto base = place(*node.object);
    if (!base) return base;
    const Value& object = base->get();
    bool sensitive = base->sensitive || object.is_sensitive();
    if (object.is_unknown()) return Place{nullptr, Value::unknown(), sensitive};
    if (object.is_null())
        return eval_error(fmt::format("attempt to get attribute \"{}\" from a null value", *node.name),
                          node.name_location);
    if (!object.is_map())
        return eval_error(fmt::format("unsupported attribute \"{}\"", *node.name), node.name_location,
                          no_attributes_detail(object));
    if (const Value* member = object.find(*node.name)) return inner_place(*base, *member, sensitive);
    return eval_error(fmt::format("unsupported attribute \"{}\"", *node.name), node.name_location,
                      fmt::format("this object has no attribute named \"{}\"", *node.name));
}

Evaluator::PlaceResult Evaluator::index_place(const Expression& e, const IndexNode& node) {
    auto base = place(*node.object);
    if (!base) return base;
    auto key = eval(*node.key);
    if (!key) return std::unexpected(std::move(key.error()));
    const Value& object = base->get();
    bool sensitive = base->sensitive || object.is_sensitive() || key->is_sensitive();
    if (object.is_unknown() || key->is_unknown()) return Place{nullptr, Value::unknown(), sensitive};
    const SourceLocation& at = node.key->location;
    if (object.is_list()) {
        const ValueList& list = object.as_list();
        auto number = convert_to_number(*key);
        if (!number) return eval_error(fmt::format("a list index must be a number, got {}", kind_name(key->kind())), at);
        if (*number != std::trunc(*number))  // no conversion yet: a huge double does not convert
            return eval_error(fmt::format("a list index must be a whole number, got {}", format_number(*number)), at);
        if (*number < 0 || *number >= static_cast<double>(list.size()))
            return eval_error(fmt::format("index {} out of range for list of {}", format_number(*number), list.size()), at);
        return inner_place(*base, list[static_cast<std::size_t>(*number)], sensitive);
    }
    if (object.is_map()) {
        std::string name;
        if (key->is_string()) name = key->as_string();
        else if (key->is_number()) name = format_number(key->as_number());
        else return eval_error(fmt::format("a map key must be a string, got {}", kind_name(key->kind())), at);
        if (const Value* member = object.find(name)) return inner_place(*base, *member, sensitive);
        return eval_error(fmt::format("key \"{}\" not found in map", name), at);
    }
    return eval_error(fmt::format("cannot index a {} value", kind_name(object.kind())), e.location);
}

Evaluator::Result Evaluator::eval_node(const Expression&, const UnaryNode& node) {
    auto operand = eval(*node.operand);
    if (!operand) return operand;
    bool sensitive = operand->is_sensitive();
    if (operand->is_unknown()) return with_sensitivity(Value::unknown(), sensitive);
    auto result = apply_unary(node.op, *operand);
    if (!result) return eval_error(result.error().message, node.operand->location);
    return with_sensitivity(std::move(*result), sensitive);
}

Evaluator::Result Evaluator::eval_node(const Expression& e, const BinaryNode& node) {
    if (node.op == BinaryOp::And || node.op == BinaryOp::Or) return logical(e, node);
    auto lhs = eval(*node.lhs);
    if (!lhs) return lhs;
    auto rhs = eval(*node.rhs);
    if (!rhs) return rhs;
    bool sensitive = lhs->contains_sensitive() || rhs->contains_sensitive();
    bool equality = node.op == BinaryOp::Equal || node.op == BinaryOp::NotEqual;
    bool unknown = equality ? !(lhs->is_wholly_known() && rhs->is_wholly_known())
                            : (lhs->is_unknown() || rhs->is_unknown());
    if (unknown) return with_sensitivity(Value::unknown(), sensitive);
    auto result = apply_binary(node.op, *lhs, *rhs);
    if (!result) {
        using Where = OperatorError::Where;
        Where where = result.error().where;
        const SourceLocation& at = where == Where::Lhs   ? node.lhs->location
                                   : where == Where::Rhs ? node.rhs->location
                                                         : e.location;
        return eval_error(result.error().message, at);
    }
    return with_sensitivity(std::move(*result), sensitive);
}

Evaluator::Result Evaluator::logical(const Expression&, const BinaryNode& node) {
    bool is_and = node.op == BinaryOp::And;
    auto lhs = eval(*node.lhs);
    if (!lhs) return lhs;
    auto left = convert_to_bool(*lhs);
    if (!left && !lhs->is_unknown())
        return eval_error(fmt::format("invalid operand: a bool is required, got {}", kind_name(lhs->kind())),
                          node.lhs->location);
    // `false && x` and `true || x` are decided without x.
    if (left && *left != is_and) return with_sensitivity(Value(*left), lhs->is_sensitive());
    auto rhs = eval(*node.rhs);
    if (!rhs) return rhs;
    auto right = convert_to_bool(*rhs);
    if (!right && !rhs->is_unknown())
        return eval_error(fmt::format("invalid operand: a bool is required, got {}", kind_name(rhs->kind())),
                          node.rhs->location);
    bool sensitive = lhs->is_sensitive() || rhs->is_sensitive();
    if (right && *right != is_and) return with_sensitivity(Value(*right), sensitive);
    if (!left || !right) return with_sensitivity(Value::unknown(), sensitive);
    return with_sensitivity(Value(*right), sensitive);  // the left operand did not decide it
}

Evaluator::Result Evaluator::eval_node(const Expression&, const ConditionalNode& node) {
    auto condition = eval(*node.condition);
    if (!condition) return condition;
    bool sensitive = condition->is_sensitive();
    if (condition->is_unknown()) return with_sensitivity(Value::unknown(), sensitive);
    if (condition->is_null()) return eval_error("the condition is null; it must be a bool", node.condition->location);
    auto chosen = convert_to_bool(*condition);
    if (!chosen)
        return eval_error(fmt::format("the condition must be a bool, got {}", kind_name(condition->kind())),
                          node.condition->location);
    auto result = eval(*chosen ? *node.if_true : *node.if_false);
    if (!result || !sensitive) return result;
    return with_sensitivity(std::move(*result), true);
}

}  // namespace plinth::expr
