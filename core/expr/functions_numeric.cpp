// Numeric functions: min, max, abs, ceil, floor, signum, pow, log, parseint.
#include <algorithm>
#include <cmath>
#include <fmt/format.h>

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

FunctionResult power(Args args, const FunctionCallContext&) {
    auto base = number_arg("pow", args, 0);
    if (!base) return std::unexpected(base.error());
    auto exponent = number_arg("pow", args, 1);
    if (!exponent) return std::unexpected(exponent.error());
    return Value(std::pow(*base, *exponent));
}

FunctionResult logarithm(Args args, const FunctionCallContext&) {
    auto number = number_arg("log", args, 0);
    if (!number) return std::unexpected(number.error());
    auto base = number_arg("log", args, 1);
    if (!base) return std::unexpected(base.error());
    return Value(std::log(*number) / std::log(*base));
}

// The value of one digit in Terraform's base-62 alphabet: 0-9, a-z, then A-Z (case-insensitive
// below base 37, as Go's big.Int does); -1 when it is not a digit at all.
int digit_value(char c, long long base) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return base <= 36 ? c - 'A' + 10 : c - 'A' + 36;
    return -1;
}

FunctionResult parse_int(Args args, const FunctionCallContext&) {
    auto text = string_arg("parseint", args, 0);
    if (!text) return std::unexpected(text.error());
    auto base = integer_arg("parseint", args, 1);
    if (!base) return std::unexpected(base.error());
    if (*base < 2 || *base > 62)
        return std::unexpected(fmt::format("parseint: base must be a whole number between 2 and 62, got {}", *base));
    std::string_view digits = *text;
    bool negative = digits.starts_with('-');
    if (negative || digits.starts_with('+')) digits.remove_prefix(1);
    bool valid = !digits.empty();
    double result = 0;
    for (char c : digits) {
        int digit = digit_value(c, *base);
        valid = valid && digit >= 0 && digit < *base;
        result = result * static_cast<double>(*base) + digit;
    }
    if (!valid)
        return std::unexpected(fmt::format("parseint: cannot parse \"{}\" as a base {} integer", *text, *base));
    return Value(negative ? -result : result);
}

}  // namespace

void add_numeric_functions(FunctionTable& table) {
    table.add(extreme("min", false));
    table.add(extreme("max", true));
    table.add(rounding("abs", [](double n) { return std::fabs(n); }));
    table.add(rounding("ceil", [](double n) { return std::ceil(n); }));
    table.add(rounding("floor", [](double n) { return std::floor(n); }));
    table.add(rounding("signum", [](double n) { return n > 0 ? 1.0 : n < 0 ? -1.0 : 0.0; }));
    table.add({.name = "pow", .min_args = 2, .max_args = 2, .impl = power});
    table.add({.name = "log", .min_args = 2, .max_args = 2, .impl = logarithm});
    table.add({.name = "parseint", .min_args = 2, .max_args = 2, .impl = parse_int});
}

}  // namespace plinth::expr
