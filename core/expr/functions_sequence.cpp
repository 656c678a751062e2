// Functions over lists: element, index, distinct, flatten, reverse, sort, range.
#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "core/expr/function_args.h"

namespace plinth::expr {

namespace {

constexpr std::size_t k_max_range = 1024;  // as Terraform: range() refuses to build more

FunctionResult element(Args args, const FunctionCallContext&) {
    auto list = list_arg("element", args, 0);
    if (!list) return std::unexpected(list.error());
    auto index = integer_arg("element", args, 1);
    if (!index) return std::unexpected(index.error());
    if ((*list)->empty()) return std::unexpected(std::string("element: cannot use element() with an empty list"));
    if (*index < 0) return std::unexpected(fmt::format("element: the index must not be negative, got {}", *index));
    // The index wraps around, as in Terraform.
    return (**list)[static_cast<std::size_t>(*index) % (*list)->size()];
}

FunctionResult index(Args args, const FunctionCallContext&) {
    auto list = list_arg("index", args, 0);
    if (!list) return std::unexpected(list.error());
    auto found = std::find((*list)->begin(), (*list)->end(), args[1]);
    if (found == (*list)->end()) return std::unexpected(fmt::format("index: item {} not found", to_display(args[1])));
    return Value(static_cast<double>(found - (*list)->begin()));
}

FunctionResult distinct(Args args, const FunctionCallContext&) {
    auto list = list_arg("distinct", args, 0);
    if (!list) return std::unexpected(list.error());
    ValueList out;
    for (const auto& item : **list)
        if (std::find(out.begin(), out.end(), item) == out.end()) out.push_back(item);
    return Value(std::move(out));
}

void flatten_into(const ValueList& list, ValueList& out) {
    for (const auto& item : list) {
        if (item.is_list()) flatten_into(item.as_list(), out);
        else out.push_back(item);
    }
}

FunctionResult flatten(Args args, const FunctionCallContext&) {
    auto list = list_arg("flatten", args, 0);
    if (!list) return std::unexpected(list.error());
    ValueList out;
    flatten_into(**list, out);
    return Value(std::move(out));
}

FunctionResult reverse(Args args, const FunctionCallContext&) {
    auto list = list_arg("reverse", args, 0);
    if (!list) return std::unexpected(list.error());
    return Value(ValueList((*list)->rbegin(), (*list)->rend()));
}

// Lexicographic, after converting numbers and bools to strings (as Terraform's list(string)).
FunctionResult sort(Args args, const FunctionCallContext&) {
    auto list = list_arg("sort", args, 0);
    if (!list) return std::unexpected(list.error());
    std::vector<std::string> texts;
    for (const auto& item : **list) {
        auto text = primitive_text(item);
        if (!text) return std::unexpected(fmt::format("sort: elements must be strings, got {}", kind_name(item.kind())));
        texts.push_back(std::move(*text));
    }
    std::sort(texts.begin(), texts.end());
    return Value(ValueList(texts.begin(), texts.end()));
}

FunctionResult range(Args args, const FunctionCallContext&) {
    std::vector<double> numbers;
    for (std::size_t i = 0; i < args.size(); ++i) {
        auto number = number_arg("range", args, i);
        if (!number) return std::unexpected(number.error());
        numbers.push_back(*number);
    }
    double start = numbers.size() == 1 ? 0 : numbers[0];
    double limit = numbers.size() == 1 ? numbers[0] : numbers[1];
    double step = numbers.size() == 3 ? numbers[2] : (start <= limit ? 1 : -1);
    if (step == 0) return std::unexpected(std::string("range: the step must not be zero"));
    if ((start < limit && step < 0) || (start > limit && step > 0))
        return std::unexpected(std::string("range: the step moves away from the limit"));
    ValueList out;
    for (double n = start; step > 0 ? n < limit : n > limit; n += step) {
        if (out.size() == k_max_range)
            return std::unexpected(fmt::format("range: more than {} elements", k_max_range));
        out.emplace_back(n);
    }
    return Value(std::move(out));
}

}  // namespace

void add_sequence_functions(FunctionTable& table) {
    table.add({.name = "element", .min_args = 2, .max_args = 2, .impl = element});
    table.add({.name = "index", .min_args = 2, .max_args = 2, .impl = index});
    table.add({.name = "distinct", .min_args = 1, .max_args = 1, .impl = distinct});
    table.add({.name = "flatten", .min_args = 1, .max_args = 1, .impl = flatten});
    table.add({.name = "reverse", .min_args = 1, .max_args = 1, .impl = reverse});
    table.add({.name = "sort", .min_args = 1, .max_args = 1, .impl = sort});
    table.add({.name = "range", .min_args = 1, .max_args = 3, .impl = range});
}

}  // namespace plinth::expr
