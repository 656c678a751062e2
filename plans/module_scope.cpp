#include "plans/module_scope.h"

#include "core/expr/functions.h"

namespace plinth::plans {

namespace {

template <typename Decl>
Value unknown_slots(const std::map<std::string, Decl>& declarations) {
    ValueMap slots;
    slots.reserve(declarations.size());
    for (const auto& [name, declaration] : declarations) slots.emplace(name, Value::unknown());
    return Value(std::move(slots));
}

}  // namespace

ModuleScope::ModuleScope(const ModuleNode& module, ModuleInstancePath path, const RunFacts& run, ValueMap variables,
                         ModuleScope* caller, Value call_repetition)
    : m_module(module), m_path(std::move(path)), m_caller(caller), m_call_repetition(std::move(call_repetition)),
      m_variables(unknown_slots(module.stack->variables)),
      m_locals(unknown_slots(module.stack->locals)), m_data(unknown_slots(module.stack->data)),
      m_modules(unknown_slots(module.stack->modules)) {
    for (auto& [name, value] : variables) m_variables.as_map()[name] = std::move(value);
    std::string dir = module.stack->dir.string();
    m_path_value = Value(ValueMap{{"stack", Value(dir)}, {"module", Value(dir)}, {"root", Value(run.root_dir.string())}});
    m_plinth_value = Value(ValueMap{{"workspace", Value(run.workspace)}});
    m_resources.reserve(module.stack->resources.size());
    for (const auto& [name, resource] : module.stack->resources) m_resources.emplace(name, Value::unknown());
}

const Value* ModuleScope::lookup(std::string_view root) const {
    if (root == "var") return &m_variables;
    if (root == "local") return &m_locals;
    if (root == "path") return &m_path_value;
    if (root == "plinth") return &m_plinth_value;
    if (root == "data") return &m_data;
    if (root == "module") return &m_modules;
    auto it = m_resources.find(root);
    return it == m_resources.end() ? nullptr : &it->second;
}

void ModuleScope::set_variable(const std::string& name, Value value) {
    std::lock_guard lock(m_mutex);
    m_variables.as_map().at(name) = std::move(value);
}

void ModuleScope::set_local(const std::string& name, Value value) {
    std::lock_guard lock(m_mutex);
    m_locals.as_map().at(name) = std::move(value);
}

Value& ModuleScope::block_slot(const ResourceDecl& block) {
    if (block.mode == ResourceMode::Data) return m_data.as_map().at(block.name);
    return m_resources.at(block.name);
}

void ModuleScope::set_block(const ResourceDecl& block, Value value) {
    std::lock_guard lock(m_mutex);
    block_slot(block) = std::move(value);
}

void ModuleScope::set_block_instance(const ResourceDecl& block, const InstanceKey& key, Value value) {
    std::lock_guard lock(m_mutex);
    set_instance_value(block_slot(block), key, std::move(value));
}

void ModuleScope::set_module_call(const std::string& call, Value container) {
    std::lock_guard lock(m_mutex);
    m_modules.as_map().at(call) = std::move(container);
}

void ModuleScope::set_module_output(const std::string& call, const InstanceKey& key, const std::string& output,
                                    Value value) {
    std::lock_guard lock(m_mutex);
    Value& container = m_modules.as_map().at(call);
    Value* outputs = &container;
    if (const auto* index = std::get_if<std::int64_t>(&key)) outputs = &container.as_list().at(*index);
    else if (const auto* name = std::get_if<std::string>(&key)) outputs = &container.as_map().at(*name);
    outputs->as_map()[output] = std::move(value);
}

std::expected<Value, Diagnostics> ModuleScope::evaluate(const expr::Expression& expression) const {
    expr::EvalContext context{*this, expr::FunctionTable::standard(), m_module.stack->dir};
    return expr::evaluate(expression, context);
}

InstanceScope::InstanceScope(ModuleScope& base, const Value& repetition, const Value* self)
    : m_base(base), m_repetition(repetition), m_self(self) {}

const Value* InstanceScope::lookup(std::string_view root) const {
    if (root == "count" || root == "each") return m_repetition.is_null() ? nullptr : &m_repetition;
    if (root == "self") return m_self;
    return m_base.lookup(root);
}

std::expected<Value, Diagnostics> InstanceScope::evaluate(const expr::Expression& expression) const {
    expr::EvalContext context{*this, expr::FunctionTable::standard(), m_base.module().stack->dir};
    return expr::evaluate(expression, context);
}

}  // namespace plinth::plans
