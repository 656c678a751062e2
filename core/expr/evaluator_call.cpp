// Evaluation of function calls: argument count, unknown and sensitive arguments, and turning a
// function's failure message into a diagnostic at the call. Functions that evaluate their own
// arguments (try, can, templatefile) get a CallSite instead of values.
#include <algorithm>
#include <optional>
#include <fmt/format.h>

#include "core/expr/evaluator.h"

namespace plinth::expr {

namespace {

std::string plural(int count) { return fmt::format("{} argument{}", count, count == 1 ? "" : "s"); }

// Null when `count` suits the spec, else the complaint.
std::optional<std::string> arity_error(const FunctionSpec& spec, std::size_t count) {
    int given = static_cast<int>(count);
    if (given >= spec.min_args && (spec.max_args < 0 || given <= spec.max_args)) return std::nullopt;
    std::string expected;
    if (spec.max_args < 0) expected = "at least " + plural(spec.min_args);
    else if (spec.min_args == spec.max_args) expected = plural(spec.min_args);
    else expected = fmt::format("{} to {} arguments", spec.min_args, spec.max_args);
    return fmt::format("{}: expects {}, got {}", spec.name, expected, given);
}

}  // namespace

Evaluator::Result Evaluator::eval_node(const Expression& e, const CallNode& node) {
    const FunctionSpec* spec = m_context.functions.find(*node.name);
    if (!spec) return eval_error(fmt::format("unknown function \"{}\"", *node.name), e.location);
    if (spec->call_impl) return call_with_site(e, node, *spec);
    bool unknown = false;
    auto args = call_arguments(node, unknown);
    if (!args) return std::unexpected(std::move(args.error()));
    if (unknown) {
        bool sensitive = std::any_of(args->begin(), args->end(), [](const Value& v) { return v.contains_sensitive(); });
        return with_sensitivity(Value::unknown(), sensitive);
    }
    if (auto error = arity_error(*spec, args->size())) return eval_error(*error, e.location);
    return call_function(e, *spec, std::move(*args));
}

// The argument values; with `f(xs...)` the last one's elements. `unknown` is set when the
// expanded argument is unknown, so the count of arguments is too.
std::expected<ValueList, Diagnostics> Evaluator::call_arguments(const CallNode& node, bool& unknown) {
    ValueList args;
    for (const auto& arg : node.args) {
        auto value = eval(*arg);
        if (!value) return std::unexpected(std::move(value.error()));
        args.push_back(std::move(*value));
    }
    if (!node.expand_last) return args;
    Value last = std::move(args.back());
    args.pop_back();
    if (last.is_unknown()) {
        unknown = true;
        args.push_back(std::move(last));
        return args;
    }
    if (!last.is_list())
        return eval_error(fmt::format("the argument expanded with \"...\" must be a list, got {}", kind_name(last.kind())),
                          node.args.back()->location);
    for (const auto& item : last.as_list()) args.push_back(with_sensitivity(item, last.is_sensitive()));
    return args;
}

Evaluator::Result Evaluator::call_with_site(const Expression& e, const CallNode& node, const FunctionSpec& spec) {
    if (node.expand_last)
        return eval_error(fmt::format("{}: its arguments cannot be expanded from a list with \"...\"", spec.name),
                          node.args.back()->location);
    if (auto error = arity_error(spec, node.args.size())) return eval_error(*error, e.location);
    FunctionCallContext context{m_context.base_dir};
    auto argument = [&](std::size_t index) { return eval(*node.args.at(index)); };
    return spec.call_impl(CallSite{node.args.size(), argument, e.location, context});
}

Evaluator::Result Evaluator::call_function(const Expression& e, const FunctionSpec& spec, ValueList args) {
    bool sensitive = std::any_of(args.begin(), args.end(), [](const Value& v) { return v.contains_sensitive(); });
    bool known = std::all_of(args.begin(), args.end(), [](const Value& v) { return v.is_wholly_known(); });
    if (spec.unknown_in_unknown_out && !known) return with_sensitivity(Value::unknown(), sensitive);
    auto result = spec.impl(args, FunctionCallContext{m_context.base_dir});
    if (!result) return eval_error(result.error(), e.location);
    return with_sensitivity(std::move(*result), sensitive);
}

}  // namespace plinth::expr
