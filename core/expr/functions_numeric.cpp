// Numeric functions: min, max, abs, ceil, floor.
#include <algorithm>
#include <cmath>

#include "core/expr/function_args.h"

namespace plinth::expr {

namespace {

FunctionSpec extreme(std::string name, bool maximum) {
    std::string label = name;
    return {.name = std::move(name), .min_args = 1, .max_args = -1, .impl = [label, maximum](Args args, const FunctionCallContext&) -> FunctionResult {
                double best = 0;
                for (std::size_t i = 0; i < args.size(); ++i) {
                    auto number = number_arg(label, args, i);
                    if (!number) return std::unexpected(number.error());
                    if (i == 0 || (maximum ? *number > best : *number < best)) best = *number;
                }
                return Value(best);
            }};
}

FunctionSpec rounding(std::string name, double (*op)(double)) {
    std::string label = name;
    return {.name = std::move(name), .min_args = 1, .max_args = 1, .impl = [label, op](Args args, const FunctionCallContext&) -> FunctionResult {
                auto number = number_arg(label, args, 0);
                if (!number) return std::unexpected(number.error());
                return Value(op(*number));
            }};
}

}  // namespace

void add_numeric_functions(FunctionTable& table) {
    table.add(extreme("min", false));
    table.add(extreme("max", true));
    table.add(rounding("abs", [](double n) { return std::fabs(n); }));
    table.add(rounding("ceil", [](double n) { return std::ceil(n); }));
    table.add(rounding("floor", [](double n) { return std::floor(n); }));
}

}  // namespace plinth::expr
