// core/stack/early_scope.h: the scope for expressions evaluated before any resource exists (a
// module call's source and version, provider settings): `var` from the given values, `local`
// from the stack's locals (those that can be computed from variables alone), `plinth.workspace`.
#pragma once

#include <expected>
#include <filesystem>

#include "core/expr/expression.h"
#include "core/stack/stack.h"

namespace plinth {

class EarlyScope final : public expr::Scope {
public:
    // Locals are evaluated in rounds until no more can be; those that need more stay unknown.
    EarlyScope(const Stack& stack, ValueMap variables, const std::string& workspace = "default");

    const Value* lookup(std::string_view root) const override;

    // Evaluates with the standard functions; `dir` is the stack directory for path functions.
    std::expected<Value, Diagnostics> evaluate(const expr::Expression& expression, const std::filesystem::path& dir) const;

private:
    Value m_variables;
    Value m_locals;
    Value m_plinth;
};

}  // namespace plinth
