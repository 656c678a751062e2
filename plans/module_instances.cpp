#include "plans/module_instances.h"

#include <fmt/format.h>

#include "core/stack/type_constraint.h"
#include "core/stack/variables.h"

namespace plinth::plans {

ModuleInstances::ModuleInstances(const ModuleNode& root, ValueMap root_variables, std::string workspace,
                                 bool validating)
    : m_run{root.stack->dir, std::move(workspace)}, m_validating(validating),
      m_root(std::make_unique<ModuleScope>(root, ModuleInstancePath{}, m_run, std::move(root_variables))) {}

std::vector<ModuleScope*> ModuleInstances::of(const ModuleNode& module) {
    if (module.is_root()) return {m_root.get()};
    std::lock_guard lock(m_mutex);
    std::vector<ModuleScope*> scopes;
    auto it = m_instances.find(&module);
    if (it == m_instances.end()) return scopes;
    for (const auto& scope : it->second) scopes.push_back(scope.get());
    return scopes;
}

ModuleScope* ModuleInstances::find(const ModuleInstancePath& path) {
    if (path.empty()) return m_root.get();
    std::lock_guard lock(m_mutex);
    auto it = m_by_path.find(path);
    return it == m_by_path.end() ? nullptr : it->second;
}

namespace {

// One instance's outputs before they are evaluated: every declared output unknown.
Value unknown_outputs(const Stack& stack) {
    ValueMap outputs;
    for (const auto& [name, output] : stack.outputs) outputs.emplace(name, Value::unknown());
    return Value(std::move(outputs));
}

}  // namespace

Diagnostics ModuleInstances::expand_call(const ModuleNode& module, const std::string& name) {
    Diagnostics diagnostics;
    const ModuleNode& child = *module.children.at(name);
    const ModuleCallDecl& call = *child.call;
    std::vector<std::unique_ptr<ModuleScope>> created;
    for (ModuleScope* caller : of(module)) {
        auto expansion = expand(call.repetition, [&](const expr::Expression& e) { return caller->evaluate(e); });
        if (!expansion) {
            diagnostics.append(expansion.error());
            continue;
        }
        if (!expansion->known && m_validating) {
            *expansion = Expansion{true, {Instance{InstanceKey{}, unknown_repetition(call.repetition)}}};
            caller->set_module_call(name, unknown_outputs(*child.stack));
            ModuleInstancePath path = caller->path();
            path.push_back(ModuleStep{name, InstanceKey{}});
            created.push_back(std::make_unique<ModuleScope>(child, std::move(path), m_run, ValueMap{}, caller,
                                                            expansion->instances[0].repetition));
            continue;
        }
        if (!expansion->known) {
            const auto& expression = call.repetition.count ? *call.repetition.count : *call.repetition.for_each;
            diagnostics.add_error(fmt::format("the instances of module `{}` depend on values known only after apply",
                                              name),
                                  "a module's count/for_each must be known when planning; apply what it depends on "
                                  "first (`plinth apply --target ...`)",
                                  expr::location_of(expression));
            continue;
        }
        Value container = call.repetition.repeated() ? expansion->container(call.repetition) : unknown_outputs(*child.stack);
        for (const auto& instance : expansion->instances) {
            if (call.repetition.repeated()) set_instance_value(container, instance.key, unknown_outputs(*child.stack));
            ModuleInstancePath path = caller->path();
            path.push_back(ModuleStep{name, instance.key});
            created.push_back(std::make_unique<ModuleScope>(child, std::move(path), m_run, ValueMap{}, caller,
                                                            instance.repetition));
        }
        caller->set_module_call(name, std::move(container));
    }
    std::lock_guard lock(m_mutex);
    for (const auto& scope : created) m_by_path[scope->path()] = scope.get();
    m_instances[&child] = std::move(created);
    return diagnostics;
}

Diagnostics ModuleInstances::set_input_variable(const ModuleNode& module, const std::string& name) {
    Diagnostics diagnostics;
    const VariableDecl& variable = module.stack->variables.at(name);
    expr::ExpressionPtr input;
    for (const auto& member : expr::literal_map_members(module.call->inputs))
        if (member.key == name) input = member.value;
    for (ModuleScope* scope : of(module)) {
        Value value = variable.default_value.value_or(Value());
        if (input) {
            InstanceScope caller(*scope->caller(), scope->call_repetition());
            auto given = caller.evaluate(*input);
            if (!given) {
                diagnostics.append(given.error());
                continue;
            }
            value = std::move(*given);
        }
        auto location = input ? expr::location_of(*input) : module.call->location;
        if (value.is_null() && !variable.nullable) {
            if (!variable.default_value) {
                diagnostics.add_error(fmt::format("module `{}` input `{}` must not be null", module.key(), name),
                                      "the variable is declared with `nullable: false`", location);
                continue;
            }
            value = *variable.default_value;
        }
        auto converted = convert_to_type(value, variable.type, fmt::format("module.{}.var.{}", module.key(), name));
        if (!converted) {
            diagnostics.add_error(fmt::format("invalid input for module `{}`", module.key()), converted.error(), location);
            continue;
        }
        auto invalid = validate_variable(variable, *converted, module.stack->dir);
        if (invalid.has_errors()) {
            invalid.add_note_from(0, fmt::format("in {}, called at {}", to_string(scope->path()),
                                                 module.call->location.to_string()));
            diagnostics.append(invalid);
            continue;
        }
        if (variable.sensitive) converted->mark_sensitive();
        scope->set_variable(name, std::move(*converted));
    }
    return diagnostics;
}

Diagnostics ModuleInstances::publish_output(const ModuleNode& module, const std::string& name) {
    Diagnostics diagnostics;
    const OutputDecl& output = module.stack->outputs.at(name);
    for (ModuleScope* scope : of(module)) {
        auto value = scope->evaluate(*output.value);
        if (!value) {
            diagnostics.append(value.error());
            continue;
        }
        if (output.sensitive) value->mark_sensitive();
        scope->caller()->set_module_output(module.path.back(), scope->path().back().key, name, std::move(*value));
    }
    return diagnostics;
}

std::string effective_provider(const ModuleNode& module, const std::string& name) {
    std::string current = name;
    for (const ModuleNode* node = &module; !node->is_root(); node = node->parent) {
        auto it = node->call->providers.find(current);
        if (it != node->call->providers.end()) current = it->second;
    }
    return current;
}

}  // namespace plinth::plans
