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

// `var.x` / `local.x`: the name after the root must be declared in `declarations`.
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

void check_reference(const Stack& stack, const expr::Reference& reference, Diagnostics& diagnostics) {
    const std::string& root = reference.root;
    if (root == "var") return check_named(reference, "variable", stack.variables, diagnostics);
    if (root == "local") return check_named(reference, "local", stack.locals, diagnostics);
    if (root == "path") {
        if (!reference.path.empty() && reference.path.front() == "stack") return;
        diagnostics.add_error(fmt::format("unknown `{}`", reference.to_string()), "only `path.stack` is available",
                              reference.location);
        return;
    }
    if (root == "count" || root == "each") {
        std::string name = root == "count" ? "count.index" : "each.key";
        if (!reference.path.empty()) name = root + "." + reference.path.front();
        diagnostics.add_error(fmt::format("`{}` can only be used in a resource with {}", name,
                                          root == "count" ? "count" : "for_each"),
                              {}, reference.location);
        return;
    }
    if (stack.resources.contains(root)) return;
    diagnostics.add_error(fmt::format("reference to undeclared resource `{}`", root),
                          did_you_mean(root, names_of(stack.resources)), reference.location);
}

void check_expression(const Stack& stack, const expr::ExpressionPtr& expression, Diagnostics& diagnostics) {
    for (const auto& reference : expr::collect_references(*expression))
        check_reference(stack, reference, diagnostics);
}

}  // namespace

Diagnostics check_references(const Stack& stack) {
    Diagnostics diagnostics;
    for (const auto& [name, local] : stack.locals) check_expression(stack, local.value, diagnostics);
    for (const auto& [name, resource] : stack.resources) {
        check_expression(stack, resource.properties, diagnostics);
        for (const auto& dependency : resource.depends_on) {
            if (stack.resources.contains(dependency.target)) continue;
            diagnostics.add_error(
                fmt::format("`depends_on` of resource `{}` names undeclared resource `{}`", name, dependency.target),
                did_you_mean(dependency.target, names_of(stack.resources)), dependency.location);
        }
    }
    for (const auto& [name, output] : stack.outputs) check_expression(stack, output.value, diagnostics);
    return diagnostics;
}

}  // namespace plinth
