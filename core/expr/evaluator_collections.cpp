// Evaluation of the nodes that build strings and collections: templates (and their `%{ for }`
// directives), list and map constructors, for expressions and splats.
#include <fmt/format.h>

#include "core/expr/evaluator.h"

namespace plinth::expr {

namespace {

// A map key from a key expression's value: strings as they are, numbers and bools as text.
std::expected<std::string, std::string> key_text(const Value& key) {
    switch (key.kind()) {
    case ValueKind::String: return key.as_string();
    case ValueKind::Number: return format_number(key.as_number());
    case ValueKind::Bool: return std::string(key.as_bool() ? "true" : "false");
    default: return std::unexpected(fmt::format("a map key must be a string, got {}", kind_name(key.kind())));
    }
}

}  // namespace

Evaluator::Result Evaluator::eval_node(const Expression&, const TemplateNode& node) {
    std::string out;
    bool unknown = false;
    bool sensitive = false;
    for (const auto& part : node.parts) {
        auto value = eval(*part);
        if (!value) return value;
        sensitive = sensitive || value->contains_sensitive();
        switch (value->kind()) {
        case ValueKind::Unknown: unknown = true; break;
        case ValueKind::String: out += value->as_string(); break;
        case ValueKind::Number: out += format_number(value->as_number()); break;
        case ValueKind::Bool: out += value->as_bool() ? "true" : "false"; break;
        case ValueKind::Null: return eval_error("cannot interpolate a null value into a string", part->location);
        default:
            return eval_error(fmt::format("cannot interpolate a {} into a string", kind_name(value->kind())),
                              part->location, "use jsonencode() or join() to turn it into a string");
        }
    }
    return with_sensitivity(unknown ? Value::unknown() : Value(std::move(out)), sensitive);
}

Evaluator::Result Evaluator::eval_node(const Expression&, const JoinNode& node) {
    auto items = eval(*node.items);
    if (!items || items->is_unknown()) return items;
    std::string out;
    bool unknown = false;
    bool sensitive = items->is_sensitive();
    for (const auto& item : items->as_list()) {
        sensitive = sensitive || item.is_sensitive();
        if (item.is_unknown()) unknown = true;
        else out += item.as_string();
    }
    return with_sensitivity(unknown ? Value::unknown() : Value(std::move(out)), sensitive);
}

Evaluator::Result Evaluator::eval_node(const Expression&, const ListNode& node) {
    ValueList items;
    items.reserve(node.items.size());
    for (const auto& item : node.items) {
        auto value = eval(*item);
        if (!value) return value;
        items.push_back(std::move(*value));
    }
    return Value(std::move(items));
}

Evaluator::Result Evaluator::eval_node(const Expression&, const MapNode& node) {
    std::vector<ValueMap::value_type> entries;  // in the source's order: of equal keys the last counts
    entries.reserve(node.entries.size());
    bool unknown = false;
    bool sensitive = false;
    for (const auto& entry : node.entries) {
        if (!entry.key) {
            auto value = eval(*entry.value);
            if (!value) return value;
            entries.emplace_back(*entry.name, std::move(*value));
            continue;
        }
        auto key = eval(*entry.key);
        if (!key) return key;
        auto value = eval(*entry.value);
        if (!value) return value;
        sensitive = sensitive || key->is_sensitive();
        if (key->is_unknown()) {
            unknown = true;
            continue;
        }
        auto text = key_text(*key);
        if (!text) return eval_error(text.error(), entry.key->location);
        entries.emplace_back(std::move(*text), std::move(*value));
    }
    if (unknown) return with_sensitivity(Value::unknown(), sensitive);
    return with_sensitivity(Value(ValueMap::from_entries(std::move(entries))), sensitive);
}

Evaluator::Result Evaluator::eval_node(const Expression&, const SplatNode& node) {
    auto source = eval(*node.source);
    if (!source) return source;
    bool sensitive = source->is_sensitive();
    if (source->is_unknown()) return with_sensitivity(Value::unknown(), sensitive);
    ValueList items;
    if (source->is_list()) items = source->as_list();
    else if (!source->is_null()) items.push_back(*source);  // a single value splats as a one-element list
    ValueList out;
    out.reserve(items.size());
    for (auto& item : items) {
        m_splat_items.push_back(std::move(item));
        auto value = eval(*node.each);
        m_splat_items.pop_back();
        if (!value) return value;
        out.push_back(std::move(*value));
    }
    return with_sensitivity(Value(std::move(out)), sensitive);
}

Evaluator::Result Evaluator::eval_node(const Expression&, const ForNode& node) {
    auto collection = eval(*node.collection);
    if (!collection) return collection;
    if (collection->is_unknown()) return with_sensitivity(Value::unknown(), collection->is_sensitive());
    auto elements = for_elements(node, *collection);
    if (!elements) return std::unexpected(std::move(elements.error()));
    auto result = for_result(node, std::move(*elements));
    if (!result) return result;
    return with_sensitivity(std::move(*result), collection->is_sensitive());
}

std::expected<std::vector<std::pair<Value, Value>>, Diagnostics> Evaluator::for_elements(const ForNode& node,
                                                                                         const Value& collection) {
    std::vector<std::pair<Value, Value>> elements;
    if (collection.is_list()) {
        const ValueList& list = collection.as_list();
        for (std::size_t i = 0; i < list.size(); ++i) elements.emplace_back(Value(static_cast<double>(i)), list[i]);
    } else if (collection.is_map()) {
        for (const auto& [key, value] : collection.as_map()) elements.emplace_back(Value(key), value);
    } else {
        return eval_error(fmt::format("cannot iterate over a {} value; a list or map is required",
                                      kind_name(collection.kind())),
                          node.collection->location);
    }
    return elements;
}

Evaluator::Result Evaluator::for_result(const ForNode& node, std::vector<std::pair<Value, Value>> elements) {
    ValueList list;
    std::vector<ValueMap::value_type> entries;  // in the collection's order, sorted by key at the end
    bool sensitive = false;
    for (auto& [key, value] : elements) {
        auto item = for_item(node, std::move(key), std::move(value));
        if (!item) return std::unexpected(std::move(item.error()));
        sensitive = sensitive || item->sensitive;
        if (item->unknown) return with_sensitivity(Value::unknown(), sensitive);
        if (!item->include) continue;
        if (!node.key) {
            list.push_back(std::move(item->value));
            continue;
        }
        auto text = key_text(item->key);
        if (!text) return eval_error(text.error(), node.key->location);
        entries.emplace_back(std::move(*text), std::move(item->value));
    }
    if (!node.key) return with_sensitivity(Value(std::move(list)), sensitive);
    auto map = for_map(node, std::move(entries));
    if (!map) return map;
    return with_sensitivity(std::move(*map), sensitive);
}

// The map of a for expression from its entries in the collection's order: with `...` the values
// of one key gather into a list in that order; without, a key may appear once.
Evaluator::Result Evaluator::for_map(const ForNode& node, std::vector<ValueMap::value_type> entries) {
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<ValueMap::value_type> merged;
    merged.reserve(entries.size());
    for (auto& [key, value] : entries) {
        bool repeated = !merged.empty() && merged.back().first == key;
        if (repeated && !node.grouping)
            return eval_error(fmt::format("duplicate key \"{}\" in the for expression", key), node.key->location,
                              "add `...` after the value to group the values with the same key into lists");
        if (!repeated) merged.emplace_back(std::move(key), node.grouping ? Value(ValueList{}) : std::move(value));
        if (node.grouping) merged.back().second.as_list().push_back(std::move(value));
    }
    return Value(ValueMap::from_entries(std::move(merged)));
}

std::expected<Evaluator::ForItem, Diagnostics> Evaluator::for_item(const ForNode& node, Value key, Value value) {
    std::size_t depth = m_locals.size();
    if (!node.key_var.empty()) m_locals.emplace_back(node.key_var, std::move(key));
    m_locals.emplace_back(node.value_var, std::move(value));
    auto item = for_item_bound(node);
    m_locals.resize(depth);
    return item;
}

std::expected<Evaluator::ForItem, Diagnostics> Evaluator::for_item_bound(const ForNode& node) {
    ForItem item;
    if (node.condition) {
        auto condition = eval(*node.condition);
        if (!condition) return std::unexpected(std::move(condition.error()));
        item.sensitive = condition->is_sensitive();
        if (condition->is_unknown()) {
            item.unknown = true;
            return item;
        }
        if (!condition->is_bool())
            return eval_error(fmt::format("the for condition must be a bool, got {}", kind_name(condition->kind())),
                              node.condition->location);
        if (!condition->as_bool()) return item;
    }
    item.include = true;
    if (node.key) {
        auto key = eval(*node.key);
        if (!key) return std::unexpected(std::move(key.error()));
        item.sensitive = item.sensitive || key->is_sensitive();
        item.unknown = key->is_unknown();
        item.key = std::move(*key);
    }
    auto value = eval(*node.value);
    if (!value) return std::unexpected(std::move(value.error()));
    item.value = std::move(*value);
    return item;
}

}  // namespace plinth::expr
