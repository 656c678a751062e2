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

#include "core/value.h"

namespace plinth::expr {

struct FunctionCallContext {
    std::filesystem::path base_dir;
};

using FunctionImpl =
    std::function<std::expected<Value, std::string>(std::span<const Value> args, const FunctionCallContext& context)>;

struct FunctionSpec {
    std::string name;
    int min_args = 0;
    int max_args = 0;  // -1: any number
    // When true the evaluator returns unknown without calling `impl` if any argument is
    // (or contains) unknown. Functions that can handle unknowns themselves set false.
    bool unknown_in_unknown_out = true;
    FunctionImpl impl;
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

}  // namespace plinth::expr
