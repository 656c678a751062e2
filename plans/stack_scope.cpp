#include "plans/stack_scope.h"

namespace plinth::plans {

StackScope::StackScope(const Stack& stack, ValueMap variables)
    : m_stack_dir(stack.dir), m_variables(std::move(variables)), m_locals(ValueMap{}),
      m_path(ValueMap{{"stack", Value(stack.dir.string())}}) {
    for (const auto& [name, local] : stack.locals) m_locals.as_map().emplace(name, Value::unknown());
    for (const auto& [name, resource] : stack.resources) m_resources.emplace(name, Value::unknown());
}

const Value* StackScope::lookup(std::string_view root) const {
    if (root == "var") return &m_variables;
    if (root == "local") return &m_locals;
    if (root == "path") return &m_path;
    auto it = m_resources.find(root);
    return it == m_resources.end() ? nullptr : &it->second;
}

void StackScope::set_local(const std::string& name, Value value) {
    m_locals.as_map().at(name) = std::move(value);
}

void StackScope::set_resource(const std::string& name, Value value) {
    m_resources.at(name) = std::move(value);
}

std::expected<Value, Diagnostics> StackScope::evaluate(const expr::Expression& expression) const {
    expr::EvalContext context{*this, expr::FunctionTable::standard(), m_stack_dir};
    return expr::evaluate(expression, context);
}

}  // namespace plinth::plans
