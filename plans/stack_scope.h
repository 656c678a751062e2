// plans/stack_scope.h: what names mean while the engine evaluates a stack: `var`, `local`,
// `path` and each resource's current object (planned during plan, applied during apply). Every
// slot exists from the start, so walker threads may fill different slots at once; a slot is read
// only by nodes that depend on it, which the walker starts after it was written.
#pragma once

#include <filesystem>
#include <string>

#include "core/expr/expression.h"
#include "core/expr/functions.h"
#include "core/stack/stack.h"
#include "core/value.h"

namespace plinth::plans {

class StackScope final : public expr::Scope {
public:
    // Locals and resources start unknown.
    StackScope(const Stack& stack, ValueMap variables);

    const Value* lookup(std::string_view root) const override;

    void set_local(const std::string& name, Value value);
    void set_resource(const std::string& name, Value value);

    // Evaluates one of the stack's expressions in this scope.
    std::expected<Value, Diagnostics> evaluate(const expr::Expression& expression) const;

private:
    std::filesystem::path m_stack_dir;
    Value m_variables;  // a map
    Value m_locals;     // a map with a slot per declared local
    Value m_path;       // {stack = "<dir>"}
    ValueMap m_resources;
};

}  // namespace plinth::plans
