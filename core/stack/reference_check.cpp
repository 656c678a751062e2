#include "core/stack/reference_check.h"

#include <fmt/format.h>

#include "core/name_suggestion.h"

namespace plinth {
namespace {

template <typename Decl>
std::vector<std::string> names_of(const std::map<std::string, Decl>& declarations) {
    std::vector<std::string> names;
    for (const auto& [name, declaration] : declarations) names.push_back(name);
    return names;
}

// Where an expression sits decides which of `count`, `each` and `self` it may use.
struct ExpressionSite {
    const Repetition* repetition = nullptr;  // of the enclosing resource, data source or module call
    bool self_allowed = false;               // postconditions
};

// `var.x` / `local.x` / `data.x` / `module.x`: the name after the root must be declared.
template <typename Decl>
void check_named(const expr::Reference& reference, std::string_view kind,
                 const std::map<std::string, Decl>& declarations, Diagnostics& diagnostics) {
    if (reference.path.empty()) {
        diagnostics.add_error(fmt::format("`{}` must be followed by a {} name, e.g. `{}.name`", reference.root, kind,
                                          reference.root),
                              {}, reference.location);
        return;
    }
    const std::string& name = reference.path.front();
    if (declarations.contains(name)) return;
    diagnostics.add_error(fmt::format("reference to undeclared {} `{}`", kind, name),
                          did_you_mean(name, names_of(declarations)), reference.location);
}

void check_repetition_reference(const expr::Reference& reference, const ExpressionSite& site,
                                Diagnostics& diagnostics) {
    bool is_count = reference.root == "count";
    std::string attribute = reference.path.empty() ? "" : reference.path.front();
    bool known_attribute = is_count ? attribute == "index" : (attribute == "key" || attribute == "value");
    if (!known_attribute) {
        diagnostics.add_error(fmt::format("unknown `{}`", reference.to_string()),
                              is_count ? "only `count.index` exists" : "only `each.key` and `each.value` exist",
                              reference.location);
        return;
    }
    bool allowed = site.repetition && (is_count ? site.repetition->count : site.repetition->for_each) != nullptr;
    if (allowed) return;
    diagnostics.add_error(fmt::format("`{}.{}` can only be used in a block with {}", reference.root, attribute,
                                      is_count ? "count" : "for_each"),
                          {}, reference.location);
}

void check_reference(const Stack& stack, const expr::Reference& reference, const ExpressionSite& site,
                     Diagnostics& diagnostics) {
    const std::string& root = reference.root;
    if (root == "var") return check_named(reference, "variable", stack.variables, diagnostics);
    if (root == "local") return check_named(reference, "local", stack.locals, diagnostics);
    if (root == "data") return check_named(reference, "data source", stack.data, diagnostics);
    if (root == "module") return check_named(reference, "module", stack.modules, diagnostics);
    if (root == "path") {
        const std::string name = reference.path.empty() ? "" : reference.path.front();
        if (name == "stack" || name == "module" || name == "root") return;
        diagnostics.add_error(fmt::format("unknown `{}`", reference.to_string()),
                              "`path.stack` (or `path.module`) is this stack's directory, `path.root` the root "
                              "stack's",
                              reference.location);
        return;
    }
    if (root == "plinth") {
        if (!reference.path.empty() && reference.path.front() == "workspace") return;
        diagnostics.add_error(fmt::format("unknown `{}`", reference.to_string()),
                              "`plinth.workspace` is the selected workspace's name", reference.location);
        return;
    }
    if (root == "count" || root == "each") return check_repetition_reference(reference, site, diagnostics);
    if (root == "self") {
        if (site.self_allowed) return;
        diagnostics.add_error("`self` can only be used in a postcondition", {}, reference.location);
        return;
    }
    if (stack.resources.contains(root)) return;
    diagnostics.add_error(fmt::format("reference to undeclared resource `{}`", root),
                          did_you_mean(root, names_of(stack.resources)), reference.location);
}

void check_expression(const Stack& stack, const expr::ExpressionPtr& expression, const ExpressionSite& site,
                      Diagnostics& diagnostics) {
    if (!expression) return;
    for (const auto& reference : expr::collect_references(*expression))
        check_reference(stack, reference, site, diagnostics);
}

void check_depends_on(const Stack& stack, std::string_view owner, const std::vector<DependsOn>& depends_on,
                      Diagnostics& diagnostics) {
    for (const auto& dependency : depends_on) {
        const std::string& target = dependency.target;
        bool found = stack.resources.contains(target);
        if (target.starts_with("data.")) found = stack.data.contains(target.substr(5));
        if (target.starts_with("module.")) found = stack.modules.contains(target.substr(7));
        if (found) continue;
        std::vector<std::string> candidates = names_of(stack.resources);
        for (const auto& [name, data] : stack.data) candidates.push_back("data." + name);
        for (const auto& [name, module] : stack.modules) candidates.push_back("module." + name);
        std::string_view kind = target.starts_with("data.")     ? "data source"
                                : target.starts_with("module.") ? "module"
                                                                : "resource";
        diagnostics.add_error(fmt::format("`depends_on` of {} names undeclared {} `{}`", owner, kind, target),
                              did_you_mean(target, candidates), dependency.location);
    }
}

void check_resource(const Stack& stack, const ResourceDecl& resource, Diagnostics& diagnostics) {
    ExpressionSite site{&resource.repetition, false};
    check_expression(stack, resource.repetition.count, {}, diagnostics);
    check_expression(stack, resource.repetition.for_each, {}, diagnostics);
    check_expression(stack, resource.properties, site, diagnostics);
    const Lifecycle& lifecycle = resource.lifecycle();
    check_expression(stack, lifecycle.prevent_destroy, site, diagnostics);
    for (const auto& trigger : lifecycle.replace_triggered_by) check_expression(stack, trigger, site, diagnostics);
    for (const auto& check : lifecycle.preconditions) {
        check_expression(stack, check.condition, site, diagnostics);
        check_expression(stack, check.error_message, site, diagnostics);
    }
    ExpressionSite post{&resource.repetition, true};
    for (const auto& check : lifecycle.postconditions) {
        check_expression(stack, check.condition, post, diagnostics);
        check_expression(stack, check.error_message, post, diagnostics);
    }
    std::string owner = fmt::format("{} `{}`", resource.mode == ResourceMode::Data ? "data source" : "resource",
                                    resource.name);
    check_depends_on(stack, owner, resource.depends_on, diagnostics);
}

// A module's `source` and `version` and provider settings are evaluated before anything exists:
// variables and locals only. `what` names the place, `why` says so in the message.
void check_early_expression(const Stack& stack, const expr::ExpressionPtr& expression, std::string_view what,
                            std::string_view why, Diagnostics& diagnostics) {
    if (!expression) return;
    for (const auto& reference : expr::collect_references(*expression)) {
        if (reference.root == "var" || reference.root == "local" || reference.root == "plinth") {
            check_reference(stack, reference, {}, diagnostics);
            continue;
        }
        diagnostics.add_error(fmt::format("`{}` cannot be used in {}", reference.to_string(), what),
                              fmt::format("{} read before anything else, so they may use only variables, locals and "
                                          "`plinth.workspace`",
                                          why),
                              reference.location);
    }
}

void check_module_call(const Stack& stack, const ModuleCallDecl& call, Diagnostics& diagnostics) {
    constexpr std::string_view why = "a module's source and version are";
    check_early_expression(stack, call.source, "a module's source", why, diagnostics);
    check_early_expression(stack, call.version, "a module's version", why, diagnostics);
    check_expression(stack, call.repetition.count, {}, diagnostics);
    check_expression(stack, call.repetition.for_each, {}, diagnostics);
    check_expression(stack, call.inputs, ExpressionSite{&call.repetition, false}, diagnostics);
    check_depends_on(stack, fmt::format("module `{}`", call.name), call.depends_on, diagnostics);
}

}  // namespace

Diagnostics check_references(const Stack& stack) {
    Diagnostics diagnostics;
    for (const auto& [name, local] : stack.locals) check_expression(stack, local.value, {}, diagnostics);
    for (const auto& [name, resource] : stack.resources) check_resource(stack, resource, diagnostics);
    for (const auto& [name, data] : stack.data) check_resource(stack, data, diagnostics);
    for (const auto& [name, call] : stack.modules) check_module_call(stack, call, diagnostics);
    for (const auto& [name, output] : stack.outputs) check_expression(stack, output.value, {}, diagnostics);
    for (const auto& [name, config] : stack.provider_configs)
        check_early_expression(stack, config.settings, fmt::format("the settings of provider `{}`", name),
                               "provider settings are", diagnostics);
    for (const auto& import : stack.imports)
        check_early_expression(stack, import.id, "the id of an import", "import ids are", diagnostics);
    if (const auto& encryption = stack.encryption) {
        constexpr std::string_view what = "an encryption passphrase", why = "encryption keys are";
        check_early_expression(stack, encryption->key_provider.passphrase, what, why, diagnostics);
        if (encryption->fallback) check_early_expression(stack, encryption->fallback->passphrase, what, why, diagnostics);
    }
    return diagnostics;
}

}  // namespace plinth
