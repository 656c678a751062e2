// plans/module_scope.h: what names mean while the engine evaluates one module instance: `var`,
// `local`, `path`, `plinth`, `data`, `module` and each resource's current value (planned during plan,
// applied during apply), plus `count`/`each`/`self` for one block instance (InstanceScope).
// Slots exist before anything reads them; a slot is read only by nodes that depend on the node
// that writes it, which the walker starts after the write. Writes take a lock because instances
// of one block may be written from several threads.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "core/address.h"
#include "core/expr/expression.h"
#include "core/stack/module_tree.h"
#include "core/value.h"
#include "plans/expansion.h"
#include "plans/run_facts.h"

namespace plinth::plans {

class ModuleScope final : public expr::Scope {
public:
    // Every slot starts unknown; a root scope takes the resolved variables. A module instance
    // scope knows its caller's scope and its instance's `count`/`each` there.
    ModuleScope(const ModuleNode& module, ModuleInstancePath path, const RunFacts& run, ValueMap variables = {},
                ModuleScope* caller = nullptr, Value call_repetition = {});

    const ModuleNode& module() const { return m_module; }
    const ModuleInstancePath& path() const { return m_path; }
    ModuleScope* caller() const { return m_caller; }
    const Value& call_repetition() const { return m_call_repetition; }
    const Value* lookup(std::string_view root) const override;

    void set_variable(const std::string& name, Value value);
    void set_local(const std::string& name, Value value);
    // The whole value of a resource or data source (its container for repeated blocks).
    void set_block(const ResourceDecl& block, Value value);
    void set_block_instance(const ResourceDecl& block, const InstanceKey& key, Value value);
    // `module.NAME`: the container for the call's instances, then each instance's outputs.
    void set_module_call(const std::string& call, Value container);
    void set_module_output(const std::string& call, const InstanceKey& key, const std::string& output, Value value);

    std::expected<Value, Diagnostics> evaluate(const expr::Expression& expression) const;

private:
    Value& block_slot(const ResourceDecl& block);

    const ModuleNode& m_module;
    ModuleInstancePath m_path;
    ModuleScope* m_caller;
    Value m_call_repetition;
    std::mutex m_mutex;
    Value m_variables;  // maps, one slot per declared name
    Value m_locals;
    Value m_path_value;
    Value m_plinth_value;  // `plinth.workspace`
    Value m_data;
    Value m_modules;
    ValueMap m_resources;
};

// One block instance's view: `count.index`, `each.key`/`each.value` and `self` over a module scope.
class InstanceScope final : public expr::Scope {
public:
    InstanceScope(ModuleScope& base, const Value& repetition, const Value* self = nullptr);
    ModuleScope& base() const { return m_base; }
    const Value& repetition() const { return m_repetition; }
    const Value* lookup(std::string_view root) const override;
    std::expected<Value, Diagnostics> evaluate(const expr::Expression& expression) const;

private:
    ModuleScope& m_base;
    const Value& m_repetition;  // {index} or {key, value}, or null
    const Value* m_self;
};

}  // namespace plinth::plans
