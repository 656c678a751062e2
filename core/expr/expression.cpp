#include "core/expr/expression.h"

#include "core/expr/ast.h"
#include "core/expr/parser.h"

namespace plinth::expr {

std::expected<ExpressionPtr, Diagnostics> parse_template(std::string_view text, const SourceLocation& start) {
    return Parser(text, start).parse_whole_template();
}

std::expected<ExpressionPtr, Diagnostics> parse_expression(std::string_view text, const SourceLocation& start) {
    return Parser(text, start).parse_whole_expression();
}

ExpressionPtr make_literal(Value value, SourceLocation location) {
    return make_node(LiteralNode{std::move(value)}, std::move(location));
}

ExpressionPtr make_list(std::vector<ExpressionPtr> items, SourceLocation location) {
    return make_node(ListNode{std::move(items)}, std::move(location));
}

ExpressionPtr make_map(std::vector<std::pair<std::string, ExpressionPtr>> entries, SourceLocation location) {
    MapNode node;
    node.entries.reserve(entries.size());
    for (auto& [key, value] : entries) {
        SourceLocation key_location = value ? value->location : location;
        node.entries.emplace_back(make_literal(Value(std::move(key)), std::move(key_location)), std::move(value));
    }
    return make_node(std::move(node), std::move(location));
}

SourceLocation location_of(const Expression& expression) { return expression.location; }

std::optional<SourceLocation> member_location(const Expression& expression, std::string_view key) {
    const auto* map = std::get_if<MapNode>(&expression.node);
    if (!map) return std::nullopt;
    for (const auto& [key_expression, value] : map->entries) {
        const auto* literal = std::get_if<LiteralNode>(&key_expression->node);
        if (literal && literal->value.is_string() && literal->value.as_string() == key) return key_expression->location;
    }
    return std::nullopt;
}

std::vector<MapMember> literal_map_members(const Expression& expression) {
    std::vector<MapMember> members;
    const auto* map = std::get_if<MapNode>(&expression.node);
    if (!map) return members;
    for (const auto& [key_expression, value] : map->entries) {
        const auto* literal = std::get_if<LiteralNode>(&key_expression->node);
        if (literal && literal->value.is_string())
            members.push_back(MapMember{literal->value.as_string(), key_expression->location, value});
    }
    return members;
}

std::string Reference::to_string() const {
    std::string out = root;
    for (const auto& step : path) out += "." + step;
    return out;
}

}  // namespace plinth::expr
