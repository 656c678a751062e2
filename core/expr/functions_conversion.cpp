// Type conversion functions: tostring, tonumber, tobool, tolist, toset, tomap.
#include <algorithm>
#include <fmt/format.h>

#include "core/expr/function_args.h"
#include "core/expr/operators.h"

namespace plinth::expr {

namespace {

FunctionResult to_string(Args args, const FunctionCallContext&) {
    if (args[0].is_null()) return Value();
    if (auto text = primitive_text(args[0])) return Value(std::move(*text));
    return std::unexpected(fmt::format("tostring: cannot convert a {} to a string", kind_name(args[0].kind())));
}

FunctionResult to_number(Args args, const FunctionCallContext&) {
    if (args[0].is_null()) return Value();
    if (auto number = convert_to_number(args[0])) return Value(*number);
    if (args[0].is_string())
        return std::unexpected(fmt::format("tonumber: cannot convert \"{}\" to a number", args[0].as_string()));
    return std::unexpected(fmt::format("tonumber: cannot convert a {} to a number", kind_name(args[0].kind())));
}

FunctionResult to_bool(Args args, const FunctionCallContext&) {
    if (args[0].is_null()) return Value();
    if (auto b = convert_to_bool(args[0])) return Value(*b);
    return std::unexpected(fmt::format("tobool: cannot convert {} to a bool", to_display(args[0])));
}

FunctionResult to_list(Args args, const FunctionCallContext&) {
    if (args[0].is_null() || args[0].is_list()) return args[0];
    return std::unexpected(fmt::format("tolist: cannot convert a {} to a list", kind_name(args[0].kind())));
}

FunctionResult to_map(Args args, const FunctionCallContext&) {
    if (args[0].is_null() || args[0].is_map()) return args[0];
    return std::unexpected(fmt::format("tomap: cannot convert a {} to a map", kind_name(args[0].kind())));
}

FunctionResult to_set(Args args, const FunctionCallContext&) {
    if (args[0].is_null()) return Value();
    auto list = list_arg("toset", args, 0);
    if (!list) return std::unexpected(list.error());
    return Value(make_set(**list));
}

}  // namespace

ValueList make_set(ValueList items) {
    bool numbers = std::all_of(items.begin(), items.end(), [](const Value& v) { return v.is_number(); });
    bool primitives = std::all_of(items.begin(), items.end(), [](const Value& v) { return primitive_text(v).has_value(); });
    if (numbers) {
        std::sort(items.begin(), items.end(), [](const Value& a, const Value& b) { return a.as_number() < b.as_number(); });
    } else if (primitives) {
        for (auto& item : items) {
            bool sensitive = item.is_sensitive();
            item = Value(*primitive_text(item));
            item.mark_sensitive(sensitive);
        }
        std::sort(items.begin(), items.end(), [](const Value& a, const Value& b) { return a.as_string() < b.as_string(); });
    }
    if (numbers || primitives) {  // sorted: equal items are neighbours (for_each over 10,000 keys)
        items.erase(std::unique(items.begin(), items.end()), items.end());
        return items;
    }
    ValueList out;
    for (auto& item : items)
        if (std::find(out.begin(), out.end(), item) == out.end()) out.push_back(std::move(item));
    return out;
}

void add_conversion_functions(FunctionTable& table) {
    table.add({.name = "tostring", .min_args = 1, .max_args = 1, .impl = to_string});
    table.add({.name = "tonumber", .min_args = 1, .max_args = 1, .impl = to_number});
    table.add({.name = "tobool", .min_args = 1, .max_args = 1, .impl = to_bool});
    table.add({.name = "tolist", .min_args = 1, .max_args = 1, .impl = to_list});
    table.add({.name = "toset", .min_args = 1, .max_args = 1, .impl = to_set});
    table.add({.name = "tomap", .min_args = 1, .max_args = 1, .impl = to_map});
}

}  // namespace plinth::expr
