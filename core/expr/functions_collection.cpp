// Functions over maps and whole collections: length, concat, merge, keys, values, lookup,
// contains, coalesce, zipmap.
#include <fmt/format.h>

#include "core/expr/function_args.h"

namespace plinth::expr {

namespace {

FunctionResult length(Args args, const FunctionCallContext&) {
    const Value& value = args[0];
    switch (value.kind()) {
    case ValueKind::Unknown: return Value::unknown();
    case ValueKind::List: return Value(static_cast<double>(value.as_list().size()));
    case ValueKind::Map: return Value(static_cast<double>(value.as_map().size()));
    case ValueKind::String: return Value(static_cast<double>(utf8_characters(value.as_string()).size()));
    default: return std::unexpected(argument_error("length", 0, "a list, map or string", value));
    }
}

FunctionResult concat(Args args, const FunctionCallContext&) {
    ValueList out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        auto list = list_arg("concat", args, i);
        if (!list) return std::unexpected(list.error());
        out.insert(out.end(), (*list)->begin(), (*list)->end());
    }
    return Value(std::move(out));
}

FunctionResult merge(Args args, const FunctionCallContext&) {
    std::vector<ValueMap::value_type> entries;  // of equal keys, the last argument's counts
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i].is_null()) continue;
        auto map = map_arg("merge", args, i);
        if (!map) return std::unexpected(map.error());
        entries.insert(entries.end(), (*map)->begin(), (*map)->end());
    }
    return Value(ValueMap::from_entries(std::move(entries)));
}

FunctionResult keys(Args args, const FunctionCallContext&) {
    auto map = map_arg("keys", args, 0);
    if (!map) return std::unexpected(map.error());
    ValueList out;
    for (const auto& [key, value] : **map) out.emplace_back(key);
    return Value(std::move(out));
}

FunctionResult values(Args args, const FunctionCallContext&) {
    auto map = map_arg("values", args, 0);
    if (!map) return std::unexpected(map.error());
    ValueList out;
    for (const auto& [key, value] : **map) out.push_back(value);
    return Value(std::move(out));
}

FunctionResult lookup(Args args, const FunctionCallContext&) {
    auto map = map_arg("lookup", args, 0);
    if (!map) return std::unexpected(map.error());
    auto key = string_arg("lookup", args, 1);
    if (!key) return std::unexpected(key.error());
    if (auto it = (*map)->find(*key); it != (*map)->end()) return it->second;
    if (args.size() == 3) return args[2];
    return std::unexpected(fmt::format("lookup: key \"{}\" not found in the map and no default given", *key));
}

FunctionResult contains(Args args, const FunctionCallContext&) {
    auto list = list_arg("contains", args, 0);
    if (!list) return std::unexpected(list.error());
    for (const auto& item : **list)
        if (item == args[1]) return Value(true);
    return Value(false);
}

// The first argument that is neither null nor an empty string; unknown if an unknown comes first.
FunctionResult coalesce(Args args, const FunctionCallContext&) {
    for (const auto& arg : args) {
        if (arg.is_unknown()) return Value::unknown();
        if (arg.is_null() || (arg.is_string() && arg.as_string().empty())) continue;
        return arg;
    }
    return std::unexpected(std::string("coalesce: no non-null, non-empty-string arguments"));
}

FunctionResult zipmap(Args args, const FunctionCallContext&) {
    auto keys = list_arg("zipmap", args, 0);
    if (!keys) return std::unexpected(keys.error());
    auto values = list_arg("zipmap", args, 1);
    if (!values) return std::unexpected(values.error());
    if ((*keys)->size() != (*values)->size())
        return std::unexpected(fmt::format("zipmap: {} keys but {} values; the lists must be the same length",
                                           (*keys)->size(), (*values)->size()));
    std::vector<ValueMap::value_type> entries;  // of equal keys, the last counts
    entries.reserve((*keys)->size());
    for (std::size_t i = 0; i < (*keys)->size(); ++i) {
        auto key = primitive_text((**keys)[i]);
        if (!key) return std::unexpected(fmt::format("zipmap: keys must be strings, got {}", kind_name((**keys)[i].kind())));
        entries.emplace_back(std::move(*key), (**values)[i]);
    }
    return Value(ValueMap::from_entries(std::move(entries)));
}

}  // namespace

void add_collection_functions(FunctionTable& table) {
    // length of a list with unknown elements is still known.
    table.add({.name = "length", .min_args = 1, .max_args = 1, .unknown_in_unknown_out = false, .impl = length});
    table.add({.name = "concat", .min_args = 1, .max_args = -1, .impl = concat});
    table.add({.name = "merge", .min_args = 0, .max_args = -1, .impl = merge});
    table.add({.name = "keys", .min_args = 1, .max_args = 1, .impl = keys});
    table.add({.name = "values", .min_args = 1, .max_args = 1, .impl = values});
    table.add({.name = "lookup", .min_args = 2, .max_args = 3, .impl = lookup});
    table.add({.name = "contains", .min_args = 2, .max_args = 2, .impl = contains});
    table.add({.name = "coalesce", .min_args = 1, .max_args = -1, .unknown_in_unknown_out = false, .impl = coalesce});
    table.add({.name = "zipmap", .min_args = 2, .max_args = 2, .impl = zipmap});
}

}  // namespace plinth::expr
