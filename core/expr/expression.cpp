#include "core/expr/expression.h"

#include "core/expr/arena.h"
#include "core/expr/ast.h"
#include "core/expr/parser.h"

namespace plinth::expr {

namespace {

ArenaPtr given_or_new(const ArenaPtr& arena) { return arena ? arena : make_arena(); }

}  // namespace

std::expected<ExpressionPtr, Diagnostics> parse_template(std::string_view text, const SourceLocation& start,
                                                         const ArenaPtr& arena) {
    return Parser(text, start, given_or_new(arena)).parse_whole_template();
}

std::expected<ExpressionPtr, Diagnostics> parse_expression(std::string_view text, const SourceLocation& start,
                                                           const ArenaPtr& arena) {
    return Parser(text, start, given_or_new(arena)).parse_whole_expression();
}

ExpressionPtr make_literal(Value value, SourceLocation location, const ArenaPtr& arena) {
    ArenaPtr home = given_or_new(arena);
    return home->share(home->make(LiteralNode{std::move(value)}, location));
}

ExpressionPtr make_list(std::vector<ExpressionPtr> items, SourceLocation location, const ArenaPtr& arena) {
    ArenaPtr home = given_or_new(arena);
    ListNode node;
    node.items.reserve(items.size());
    for (const auto& item : items) node.items.push_back(home->adopt(item));
    return home->share(home->make(std::move(node), location));
}

ExpressionPtr make_map(std::vector<std::pair<std::string, ExpressionPtr>> entries, SourceLocation location,
                       const ArenaPtr& arena) {
    ArenaPtr home = given_or_new(arena);
    MapNode node;
    node.entries.reserve(entries.size());
    for (auto& [key, value] : entries) {
        SourceLocation key_location = value ? value->location : location;
        node.entries.push_back(MapEntry{home->name(key), key_location, nullptr, home->adopt(value)});
    }
    return home->share(home->make(std::move(node), location));
}

const std::string* MapEntry::literal_key() const {
    if (!key) return name;
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

std::vector<MapMember> literal_map_members(const ExpressionPtr& expression) {
    std::vector<MapMember> members;
    const auto* map = expression ? std::get_if<MapNode>(&expression->node) : nullptr;
    if (!map) return members;
    for (const auto& entry : map->entries)
        if (const std::string* literal = entry.literal_key())
            members.push_back(MapMember{*literal, entry.key_location(), ExpressionPtr(expression, entry.value)});
    return members;
}

std::string Reference::to_string() const {
    std::string out = root;
    for (const auto& step : path) out += "." + step;
    return out;
}

}  // namespace plinth::expr
