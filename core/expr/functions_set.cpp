// Set functions: setunion, setintersection, setsubtract. Sets are lists in toset's canonical
// order (numbers ascending, otherwise strings sorted), so results compare equal to toset(...).
#include <algorithm>

#include "core/expr/function_args.h"

namespace plinth::expr {

namespace {

bool in_list(const ValueList& list, const Value& item) { return std::find(list.begin(), list.end(), item) != list.end(); }

FunctionSpec set_operation(std::string name, int min_args, int max_args, bool (*keep)(const Value&, Args)) {
    std::string label = name;
    return {.name = std::move(name), .min_args = min_args, .max_args = max_args, .impl = [label, keep](Args args, const FunctionCallContext&) -> FunctionResult {
                ValueList candidates;
                for (std::size_t i = 0; i < args.size(); ++i) {
                    auto list = list_arg(label, args, i);
                    if (!list) return std::unexpected(list.error());
                    if (label == "setunion" || i == 0) candidates.insert(candidates.end(), (*list)->begin(), (*list)->end());
                }
                ValueList out;
                for (const auto& item : candidates)
                    if (keep(item, args)) out.push_back(item);
                return Value(make_set(std::move(out)));
            }};
}

bool in_all(const Value& item, Args args) {
    return std::all_of(args.begin(), args.end(), [&](const Value& set) { return in_list(set.as_list(), item); });
}

bool in_first_only(const Value& item, Args args) {
    return std::none_of(args.begin() + 1, args.end(), [&](const Value& set) { return in_list(set.as_list(), item); });
}

}  // namespace

void add_set_functions(FunctionTable& table) {
    table.add(set_operation("setunion", 1, -1, [](const Value&, Args) { return true; }));
    table.add(set_operation("setintersection", 1, -1, in_all));
    table.add(set_operation("setsubtract", 2, 2, in_first_only));
}

}  // namespace plinth::expr
