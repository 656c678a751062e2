// try and can: the functions that turn evaluation errors into values. Each evaluates its
// arguments itself (see CallSite), in order, so a failing argument is seen rather than raised.
// As in Terraform, an argument that is not yet known makes the result unknown, since whether it
// would fail cannot be told.
#include <fmt/format.h>

#include "core/expr/function_args.h"

namespace plinth::expr {

namespace {

Value unknown_like(const Value& value) {
    Value unknown = Value::unknown();
    unknown.mark_sensitive(value.contains_sensitive());
    return unknown;
}

// The first argument that evaluates without an error.
std::expected<Value, Diagnostics> try_function(const CallSite& site) {
    std::string failures;
    for (std::size_t i = 0; i < site.argument_count; ++i) {
        auto value = site.argument(i);
        if (value) return value->is_wholly_known() ? std::move(*value) : unknown_like(*value);
        const Diagnostic& failure = value.error()[0];
        failures += fmt::format("\n- {} (at {})", failure.summary, failure.location.to_string());
    }
    return std::unexpected(Diagnostics(make_error(
        "try: no argument succeeded", fmt::format("the failures:{}\nat least one argument must succeed", failures),
        site.location)));
}

// Whether the argument evaluates without an error.
std::expected<Value, Diagnostics> can_function(const CallSite& site) {
    auto value = site.argument(0);
    if (!value) return Value(false);
    if (!value->is_wholly_known()) return unknown_like(*value);
    return Value(true);
}

}  // namespace

void add_try_functions(FunctionTable& table) {
    table.add({.name = "try", .min_args = 1, .max_args = -1, .call_impl = try_function});
    table.add({.name = "can", .min_args = 1, .max_args = 1, .call_impl = can_function});
}

}  // namespace plinth::expr
