#include "core/stack/early_scope.h"

#include "core/expr/functions.h"

namespace plinth {

EarlyScope::EarlyScope(const Stack& stack, ValueMap variables, const std::string& workspace)
    : m_variables(std::move(variables)), m_locals(ValueMap{}), m_plinth(ValueMap{{"workspace", Value(workspace)}}) {
    for (const auto& [name, local] : stack.locals) m_locals.as_map().emplace(name, Value::unknown());
    bool progress = true;
    while (progress) {
        progress = false;
        for (const auto& [name, local] : stack.locals) {
            Value& slot = m_locals.as_map().at(name);
            if (!slot.is_unknown()) continue;
            auto value = evaluate(*local.value, stack.dir);
            if (!value || value->is_unknown()) continue;
            slot = std::move(*value);
            progress = true;
        }
    }
}

const Value* EarlyScope::lookup(std::string_view root) const {
    if (root == "var") return &m_variables;
    if (root == "local") return &m_locals;
    if (root == "plinth") return &m_plinth;
    return nullptr;
}

std::expected<Value, Diagnostics> EarlyScope::evaluate(const expr::Expression& expression,
                                                       const std::filesystem::path& dir) const {
    expr::EvalContext context{*this, expr::FunctionTable::standard(), dir};
    return expr::evaluate(expression, context);
}

}  // namespace plinth
