// core/expr/functions.h: the table of functions expressions may call (`upper(x)`, `file(p)`, ...),
// named and behaving like Terraform's. Argument counts are checked by the evaluator from the
// spec; each implementation checks its argument types and returns a message on failure, which
// the evaluator turns into a diagnostic pointing at the call.
#pragma once

#include <expected>
#include <filesystem>
#include <functional>
#include <map>
#include <span>
#include <string>

#include "core/diagnostics.h"
#include "core/value.h"

namespace plinth::expr {

struct FunctionCallContext {
    std::filesystem::path base_dir;
};

using FunctionImpl =
    std::function<std::expected<Value, std::string>(std::span<const Value> args, const FunctionCallContext& context)>;

// What a function that evaluates its own arguments is given: `try` and `can` evaluate them one
// by one and recover from failures; `templatefile` reports errors inside the template file.
struct CallSite {
    std::size_t argument_count;
    // Evaluates argument `index` (0-based); a failure is returned, so the function may recover.
    std::function<std::expected<Value, Diagnostics>(std::size_t index)> argument;
    SourceLocation location;  // of the call
    const FunctionCallContext& context;
};

using CallImpl = std::function<std::expected<Value, Diagnostics>(const CallSite& site)>;

struct FunctionSpec {
    std::string name;
    int min_args = 0;
    int max_args = 0;  // -1: any number
    // When true the evaluator returns unknown without calling `impl` if any argument is
    // (or contains) unknown. Functions that can handle unknowns themselves set false.
    bool unknown_in_unknown_out = true;
    FunctionImpl impl = nullptr;
    // Set instead of `impl` by a function that evaluates its own arguments; it handles unknown
    // and sensitive values itself, and its arguments cannot be expanded with `...`.
    CallImpl call_impl = nullptr;
};

class FunctionTable {
public:
    void add(FunctionSpec spec);
    const FunctionSpec* find(std::string_view name) const;

    // Every built-in function.
    static const FunctionTable& standard();

private:
    std::map<std::string, FunctionSpec, std::less<>> m_functions;
};

// A set as plinth holds one: a list without duplicates in Terraform's set order (numbers
// ascending when all items are numbers, else primitives become strings sorted; other items keep
// their order). What toset() returns.
ValueList make_set(ValueList items);

}  // namespace plinth::expr
