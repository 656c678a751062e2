// More list functions: slice, chunklist, compact, coalescelist, one, alltrue, anytrue, sum, and
// transpose (a map of lists of strings turned inside out).
#include <fmt/format.h>

#include "core/expr/function_args.h"

namespace plinth::expr {

namespace {

FunctionResult slice(Args args, const FunctionCallContext&) {
    auto list = list_arg("slice", args, 0);
    if (!list) return std::unexpected(list.error());
    auto start = integer_arg("slice", args, 1);
    if (!start) return std::unexpected(start.error());
    auto end = integer_arg("slice", args, 2);
    if (!end) return std::unexpected(end.error());
    auto size = static_cast<long long>((*list)->size());
    if (*start < 0 || *end > size || *start > *end)
        return std::unexpected(fmt::format("slice: indexes {} and {} are out of range for a list of length {}", *start,
                                           *end, size));
    return Value(ValueList((*list)->begin() + *start, (*list)->begin() + *end));
}

FunctionResult chunklist(Args args, const FunctionCallContext&) {
    auto list = list_arg("chunklist", args, 0);
    if (!list) return std::unexpected(list.error());
    auto size = integer_arg("chunklist", args, 1);
    if (!size) return std::unexpected(size.error());
    if (*size < 0) return std::unexpected(fmt::format("chunklist: the chunk size must not be negative, got {}", *size));
    if (*size == 0) return Value(ValueList{**list});
    ValueList out;
    for (std::size_t i = 0; i < (*list)->size(); i += static_cast<std::size_t>(*size)) {
        std::size_t end = std::min((*list)->size(), i + static_cast<std::size_t>(*size));
        out.emplace_back(ValueList((*list)->begin() + static_cast<long>(i), (*list)->begin() + static_cast<long>(end)));
    }
    return Value(std::move(out));
}

FunctionResult compact(Args args, const FunctionCallContext&) {
    auto list = list_arg("compact", args, 0);
    if (!list) return std::unexpected(list.error());
    ValueList out;
    for (const auto& item : **list) {
        if (item.is_null() || (item.is_string() && item.as_string().empty())) continue;
        auto text = primitive_text(item);
        if (!text) return std::unexpected(argument_error("compact", 0, "a list of strings", item));
        out.emplace_back(std::move(*text));
    }
    return Value(std::move(out));
}

// The first argument that is a non-empty list.
FunctionResult coalescelist(Args args, const FunctionCallContext&) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i].is_null()) continue;
        auto list = list_arg("coalescelist", args, i);
        if (!list) return std::unexpected(list.error());
        if (!(*list)->empty()) return args[i];
    }
    return std::unexpected(std::string("coalescelist: no non-null, non-empty list arguments"));
}

FunctionResult one(Args args, const FunctionCallContext&) {
    auto list = list_arg("one", args, 0);
    if (!list) return std::unexpected(list.error());
    if ((*list)->size() > 1)
        return std::unexpected(fmt::format("one: the list must have no more than one element, got {}", (*list)->size()));
    return (*list)->empty() ? Value() : (*list)->front();
}

// alltrue/anytrue: elements are bools or "true"/"false" strings, as Terraform converts them.
FunctionSpec truth(std::string name, bool all) {
    std::string label = name;
    return {.name = std::move(name), .min_args = 1, .max_args = 1, .impl = [label, all](Args args, const FunctionCallContext&) -> FunctionResult {
                auto list = list_arg(label, args, 0);
                if (!list) return std::unexpected(list.error());
                for (const auto& item : **list) {
                    auto text = primitive_text(item);
                    if (!item.is_bool() && !(item.is_string() && (*text == "true" || *text == "false")))
                        return std::unexpected(argument_error(label, 0, "a list of bools", item));
                    if ((*text == "true") != all) return Value(!all);
                }
                return Value(all);
            }};
}

FunctionResult sum(Args args, const FunctionCallContext&) {
    auto list = list_arg("sum", args, 0);
    if (!list) return std::unexpected(list.error());
    if ((*list)->empty()) return std::unexpected(std::string("sum: cannot sum an empty list"));
    double total = 0;
    for (std::size_t i = 0; i < (*list)->size(); ++i) {
        auto number = number_arg("sum", **list, i);
        if (!number) return std::unexpected(fmt::format("sum: element {} must be a number", i));
        total += *number;
    }
    return Value(total);
}

FunctionResult transpose(Args args, const FunctionCallContext&) {
    auto map = map_arg("transpose", args, 0);
    if (!map) return std::unexpected(map.error());
    ValueMap out;
    for (const auto& [key, values] : **map) {
        if (!values.is_list()) return std::unexpected(argument_error("transpose", 0, "a map of lists of strings", values));
        for (const auto& value : values.as_list()) {
            auto text = primitive_text(value);
            if (!text) return std::unexpected(argument_error("transpose", 0, "a map of lists of strings", value));
            out.try_emplace(*text, ValueList{}).first->second.as_list().emplace_back(key);
        }
    }
    return Value(std::move(out));
}

}  // namespace

void add_list_functions(FunctionTable& table) {
    table.add({.name = "slice", .min_args = 3, .max_args = 3, .impl = slice});
    table.add({.name = "chunklist", .min_args = 2, .max_args = 2, .impl = chunklist});
    table.add({.name = "compact", .min_args = 1, .max_args = 1, .impl = compact});
    table.add({.name = "coalescelist", .min_args = 1, .max_args = -1, .impl = coalescelist});
    table.add({.name = "one", .min_args = 1, .max_args = 1, .impl = one});
    table.add(truth("alltrue", true));
    table.add(truth("anytrue", false));
    table.add({.name = "sum", .min_args = 1, .max_args = 1, .impl = sum});
    table.add({.name = "transpose", .min_args = 1, .max_args = 1, .impl = transpose});
}

}  // namespace plinth::expr
