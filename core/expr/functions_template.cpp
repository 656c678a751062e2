// templatefile(path, vars): a file read as a template, in the same syntax as stack strings
// (`${...}`, `%{ if }` and `%{ for }` directives, `$${` and `%%{` escapes), evaluated with only
// `vars` in scope, each key a bare name. Errors point inside the template file and name the call.
// As in Terraform, a template cannot call templatefile itself.
#include <fmt/format.h>

#include "core/expr/expression.h"
#include "core/expr/function_args.h"
#include "core/name_suggestion.h"

namespace plinth::expr {

namespace {

// True while this thread evaluates a template, so a templatefile call inside one is refused.
thread_local bool t_rendering = false;

class RenderingGuard {
public:
    RenderingGuard() { t_rendering = true; }
    ~RenderingGuard() { t_rendering = false; }
    RenderingGuard(const RenderingGuard&) = delete;
    RenderingGuard& operator=(const RenderingGuard&) = delete;
};

class VarsScope : public Scope {
public:
    explicit VarsScope(const ValueMap& vars) : m_vars(vars) {}
    const Value* lookup(std::string_view root) const override {
        auto it = m_vars.find(root);
        return it == m_vars.end() ? nullptr : &it->second;
    }

private:
    const ValueMap& m_vars;
};

std::unexpected<Diagnostics> failure(std::string summary, const SourceLocation& location) {
    return std::unexpected(Diagnostics(make_error(std::move(summary), {}, location)));
}

bool is_name(const std::string& name) {
    auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
    if (name.empty() || !letter(name.front())) return false;
    for (char c : name)
        if (!letter(c) && !(c >= '0' && c <= '9') && c != '-') return false;
    return true;
}

// The template's diagnostics, each noting the call that read the template.
std::unexpected<Diagnostics> from_template(const Diagnostics& diagnostics, const SourceLocation& call) {
    Diagnostics noted;
    for (Diagnostic diagnostic : diagnostics) {
        if (!diagnostic.detail.empty()) diagnostic.detail += "\n";
        diagnostic.detail += fmt::format("in the template read by templatefile at {}", call.to_string());
        noted.add(std::move(diagnostic));
    }
    return std::unexpected(std::move(noted));
}

// Every name the template refers to must be one of the vars.
Diagnostics check_names(const Expression& tmpl, const ValueMap& vars) {
    std::vector<std::string> names;
    for (const auto& [name, value] : vars) names.push_back(name);
    Diagnostics diagnostics;
    for (const auto& reference : collect_references(tmpl)) {
        if (vars.contains(reference.root)) continue;
        diagnostics.add_error(fmt::format("the template refers to `{}`, which is not in the vars", reference.root),
                              did_you_mean(reference.root, names), reference.location);
    }
    return diagnostics;
}

std::expected<Value, Diagnostics> render(const std::string& path, const ValueMap& vars, const CallSite& site) {
    auto content = read_file("templatefile", path, site.context);
    if (!content) return failure(content.error(), site.location);
    if (!is_valid_utf8(*content))
        return failure(fmt::format("templatefile: the contents of \"{}\" are not valid UTF-8", path), site.location);
    SourceLocation start{resolve_path(path, site.context).lexically_normal().string(), 1, 1};
    auto parsed = parse_template(*content, start);
    if (!parsed) return from_template(parsed.error(), site.location);
    Diagnostics unknown_names = check_names(**parsed, vars);
    if (!unknown_names.empty()) return from_template(unknown_names, site.location);
    VarsScope scope(vars);
    RenderingGuard guard;
    auto value = evaluate(**parsed, EvalContext{scope, FunctionTable::standard(), site.context.base_dir});
    if (!value) return from_template(value.error(), site.location);
    return value;
}

std::expected<Value, Diagnostics> templatefile(const CallSite& site) {
    if (t_rendering) return failure("templatefile: a template cannot call templatefile", site.location);
    auto path = site.argument(0);
    if (!path) return path;
    auto vars = site.argument(1);
    if (!vars) return vars;
    Value unknown = Value::unknown();
    unknown.mark_sensitive(path->contains_sensitive() || vars->contains_sensitive());
    if (path->is_unknown() || vars->is_unknown()) return unknown;
    const Value args[] = {*path, *vars};
    auto text = string_arg("templatefile", args, 0);
    if (!text) return failure(text.error(), site.location);
    auto map = map_arg("templatefile", args, 1);
    if (!map) return failure(map.error(), site.location);
    for (const auto& [name, value] : **map)
        if (!is_name(name))
            return failure(fmt::format("templatefile: \"{}\" cannot be a template variable: a name starts with a "
                                       "letter or `_` and holds only letters, digits, `_` and `-`",
                                       name),
                           site.location);
    auto value = render(*text, **map, site);
    if (value && unknown.is_sensitive()) value->mark_sensitive();
    return value;
}

}  // namespace

void add_template_functions(FunctionTable& table) {
    table.add({.name = "templatefile", .min_args = 2, .max_args = 2, .call_impl = templatefile});
}

}  // namespace plinth::expr
