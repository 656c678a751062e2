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
        node.entries.push_back(MapEntry{std::move(key), key_location, nullptr, std::move(value)});
    }
    return make_node(std::move(node), std::move(location));
}

const std::string* MapEntry::literal_key() const {
    if (!key) return &name;
    const auto* literal = std::get_if<LiteralNode>(&key->node);
    return literal && literal->value.is_string() ? &literal->value.as_string() : nullptr;
}

SourceLocation MapEntry::key_location() const { return key ? key->location : name_location; }

SourceLocation location_of(const Expression& expression) { return expression.location; }

std::optional<SourceLocation> member_location(const Expression& expression, std::string_view key) {
    const auto* map = std::get_if<MapNode>(&expression.node);
    if (!map) return std::nullopt;
    for (const auto& entry : map->entries) {
        const std::string* literal = entry.literal_key();
        if (literal && *literal == key) return entry.key_location();
    }
    return std::nullopt;
}

std::vector<MapMember> literal_map_members(const Expression& expression) {
    std::vector<MapMember> members;
    const auto* map = std::get_if<MapNode>(&expression.node);
    if (!map) return members;
    for (const auto& entry : map->entries)
        if (const std::string* literal = entry.literal_key())
            members.push_back(MapMember{*literal, entry.key_location(), entry.value});
    return members;
}

std::string Reference::to_string() const {
    std::string out = root;
    for (const auto& step : path) out += "." + step;
    return out;
}

}  // namespace plinth::expr
