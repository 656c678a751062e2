// plans/module_instances.h: every module instance of a run and its scope. The root instance exists
// from the start; a module call's instances appear when the call is expanded (its count/for_each
// evaluated in each instance of the calling module). Also evaluates what belongs to module
// boundaries: a module instance's input variables and its outputs as `module.NAME` in the caller.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "core/diagnostics.h"
#include "core/stack/module_tree.h"
#include "plans/module_scope.h"

namespace plinth::plans {

class ModuleInstances {
public:
    // `validating`: a call whose instances are not known yet gets one instance with unknown
    // `count`/`each` (so its contents are still checked) instead of an error.
    ModuleInstances(const ModuleNode& root, ValueMap root_variables, std::string workspace, bool validating = false);

    ModuleScope& root() { return *m_root; }
    // The instances of `module` expanded so far (the root has one), in key order.
    std::vector<ModuleScope*> of(const ModuleNode& module);
    ModuleScope* find(const ModuleInstancePath& path);

    // Expands call `name` of `module` in every instance of `module`.
    Diagnostics expand_call(const ModuleNode& module, const std::string& name);
    // Sets input variable `name` of every instance of `module` (not the root) from its call's
    // inputs, or its default; converted to its type.
    Diagnostics set_input_variable(const ModuleNode& module, const std::string& name);
    // Evaluates output `name` of every instance of `module` (not the root) into its caller's
    // `module.NAME`.
    Diagnostics publish_output(const ModuleNode& module, const std::string& name);

private:
    RunFacts m_run;
    bool m_validating;
    std::unique_ptr<ModuleScope> m_root;
    std::mutex m_mutex;  // guards m_instances' structure
    std::map<const ModuleNode*, std::vector<std::unique_ptr<ModuleScope>>> m_instances;
    std::map<ModuleInstancePath, ModuleScope*> m_by_path;
};

// The provider configuration `name` used in `module` means in the root: modules may map names
// with their call's `providers:`.
std::string effective_provider(const ModuleNode& module, const std::string& name);

}  // namespace plinth::plans
