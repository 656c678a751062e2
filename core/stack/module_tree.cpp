#include "core/stack/module_tree.h"

#include <fmt/format.h>
#include <set>

#include "core/name_suggestion.h"
#include "core/stack/early_scope.h"
#include "core/stack/loader.h"

namespace plinth {

std::string ModuleNode::key() const {
    std::string text;
    for (const auto& name : path) text += (text.empty() ? "" : ".") + name;
    return text;
}

std::string ModuleNode::config_path() const {
    std::string text;
    for (const auto& name : path) text += (text.empty() ? "" : ".") + ("module." + name);
    return text;
}

void for_each_module(const ModuleNode& node, const std::function<void(const ModuleNode&)>& visit) {
    visit(node);
    for (const auto& [name, child] : node.children) for_each_module(*child, visit);
}

namespace {

namespace fs = std::filesystem;

constexpr std::size_t k_max_depth = 32;

// A module directory as diagnostics show it: relative to the working directory when inside it.
fs::path shown_path(const fs::path& dir) {
    std::error_code error;
    fs::path relative = fs::relative(dir, fs::current_path(error), error);
    if (error || relative.empty() || *relative.begin() == "..") return dir;
    return relative;
}

// A module's variables as its defaults (null where it has none) for its own calls' sources.
ValueMap default_variables(const Stack& stack) {
    ValueMap values;
    for (const auto& [name, variable] : stack.variables) values.emplace(name, variable.default_value.value_or(Value()));
    return values;
}

class TreeLoader {
public:
    TreeLoader(const ModuleResolver& resolve, const std::string& workspace) : m_resolve(resolve), m_workspace(workspace) {}

    void load_children(ModuleNode& node, const ValueMap& variables);
    Diagnostics take_diagnostics() { return std::move(m_diagnostics); }

private:
    std::optional<std::string> early_text(const EarlyScope& scope, const ModuleNode& node,
                                          const expr::ExpressionPtr& expression, std::string_view what);
    void check_call(const ModuleCallDecl& call, const Stack& callee);
    void check_output_references(const ModuleNode& node);

    const ModuleResolver& m_resolve;
    const std::string& m_workspace;
    Diagnostics m_diagnostics;
};

std::optional<std::string> TreeLoader::early_text(const EarlyScope& scope, const ModuleNode& node,
                                                  const expr::ExpressionPtr& expression, std::string_view what) {
    if (!expression) return std::string();
    auto value = scope.evaluate(*expression, node.stack->dir);
    if (!value) {
        m_diagnostics.append(value.error());
        return std::nullopt;
    }
    if (value->is_string()) return value->as_string();
    m_diagnostics.add_error(fmt::format("a module's {} must be a known string", what),
                            fmt::format("it is {}", value->is_unknown() ? "not known before apply"
                                                                        : std::string(kind_name(value->kind()))),
                            expr::location_of(*expression));
    return std::nullopt;
}

// Adds "in module `x` called at file:line:col" to every diagnostic from inside a module.
Diagnostics called_from(const ModuleNode& child, Diagnostics diagnostics) {
    Diagnostics located;
    for (auto diagnostic : diagnostics) {
        std::string note = fmt::format("in module `{}` called at {}", child.key(), child.call->location.to_string());
        diagnostic.detail = diagnostic.detail.empty() ? note : diagnostic.detail + "\n" + note;
        located.add(std::move(diagnostic));
    }
    return located;
}

void TreeLoader::load_children(ModuleNode& node, const ValueMap& variables) {
    if (node.path.size() >= k_max_depth && !node.stack->modules.empty()) {
        m_diagnostics.add_error(fmt::format("modules nest deeper than {} levels", k_max_depth),
                                "a module probably calls itself", node.stack->modules.begin()->second.location);
        return;
    }
    EarlyScope scope(*node.stack, variables, m_workspace);
    for (const auto& [name, call] : node.stack->modules) {
        auto source = early_text(scope, node, call.source, "source");
        auto version = early_text(scope, node, call.version, "version");
        if (!source || !version) continue;
        auto child = std::make_unique<ModuleNode>();
        child->path = node.path;
        child->path.push_back(name);
        child->call = &call;
        child->parent = &node;
        auto dir = m_resolve(child->key(), *source, *version, node.stack->dir, expr::location_of(*call.source));
        if (!dir) {
            m_diagnostics.add(dir.error());
            continue;
        }
        auto stack = load_stack(shown_path(*dir), StackRole::Module);
        if (!stack) {
            m_diagnostics.append(called_from(*child, stack.error()));
            continue;
        }
        child->stack = std::make_shared<const Stack>(std::move(*stack));
        check_call(call, *child->stack);
        load_children(*child, default_variables(*child->stack));
        node.children.emplace(name, std::move(child));
    }
    check_output_references(node);
}

void TreeLoader::check_call(const ModuleCallDecl& call, const Stack& callee) {
    std::vector<std::string> declared;
    for (const auto& [name, variable] : callee.variables) declared.push_back(name);
    std::set<std::string> given;
    for (const auto& member : expr::literal_map_members(call.inputs)) {
        given.insert(member.key);
        if (callee.variables.contains(member.key)) continue;
        m_diagnostics.add_error(fmt::format("module `{}` has no variable `{}`", call.name, member.key),
                                did_you_mean(member.key, declared), member.location);
    }
    for (const auto& [name, variable] : callee.variables) {
        if (variable.default_value || given.contains(name)) continue;
        m_diagnostics.add_error(fmt::format("module `{}` needs input `{}`", call.name, name),
                                fmt::format("variable `{}` is declared at {} without a default", name,
                                            variable.location.to_string()),
                                call.location);
    }
}

// `module.NAME.OUTPUT` in the calling stack must name an output the module declares.
void TreeLoader::check_output_references(const ModuleNode& node) {
    if (node.children.empty()) return;
    auto check = [&](const expr::ExpressionPtr& expression) {
        if (!expression) return;
        for (const auto& reference : expr::collect_references(*expression)) {
            if (reference.root != "module" || reference.path.size() < 2) continue;
            auto child = node.children.find(reference.path[0]);
            if (child == node.children.end()) continue;
            const Stack& callee = *child->second->stack;
            // module.net.x, or module.net[0].x / module.net["a"].x (the key is a path element).
            bool repeated = child->second->call->repetition.repeated();
            std::size_t output_at = repeated ? 2 : 1;
            if (reference.path.size() <= output_at) continue;
            const std::string& output = reference.path[output_at];
            if (callee.outputs.contains(output)) continue;
            std::vector<std::string> outputs;
            for (const auto& [name, declared] : callee.outputs) outputs.push_back(name);
            m_diagnostics.add_error(fmt::format("module `{}` has no output `{}`", reference.path[0], output),
                                    did_you_mean(output, outputs), reference.location);
        }
    };
    const Stack& stack = *node.stack;
    for (const auto& [name, local] : stack.locals) check(local.value);
    for (const auto* section : {&stack.resources, &stack.data})
        for (const auto& [name, resource] : *section) check(resource.properties);
    for (const auto& [name, call] : stack.modules) check(call.inputs);
    for (const auto& [name, output] : stack.outputs) check(output.value);
}

}  // namespace

std::expected<std::unique_ptr<ModuleNode>, Diagnostics> load_module_tree(std::shared_ptr<const Stack> root,
                                                                         const ValueMap& root_variables,
                                                                         const ModuleResolver& resolve,
                                                                         const std::string& workspace) {
    auto node = std::make_unique<ModuleNode>();
    node->stack = std::move(root);
    TreeLoader loader(resolve, workspace);
    loader.load_children(*node, root_variables);
    Diagnostics diagnostics = loader.take_diagnostics();
    if (diagnostics.has_errors()) return std::unexpected(std::move(diagnostics));
    return node;
}

}  // namespace plinth
