#include "core/stack/variables.h"

#include <fmt/format.h>
#include <fstream>
#include <set>
#include <sstream>

#include "core/name_suggestion.h"
#include "core/stack/yaml_source.h"

namespace plinth {
namespace {

constexpr std::string_view k_environment_prefix = "PLINTH_VAR_";

// Raw text from the command line or environment, read by the declared type (see variables.h).
Value value_from_text(const std::string& text, const TypeConstraint& type) {
    using Kind = TypeConstraint::Kind;
    bool structured = type.kind != Kind::String && type.kind != Kind::Number && type.kind != Kind::Bool;
    auto first = text.find_first_not_of(" \t");
    if (!structured || first == std::string::npos || (text[first] != '[' && text[first] != '{')) return Value(text);
    Diagnostics ignored;
    auto node = parse_yaml(YamlFile{"", text}, ignored);
    if (!node) return Value(text);
    return yaml_to_value(node->root(), YamlFile{"", text}, ignored).value_or(Value(text));
}

// Applies the layers in precedence order; later layers overwrite earlier ones.
class VariableResolver {
public:
    explicit VariableResolver(const Stack& stack) : m_stack(stack) {}

    void apply_defaults();
    void apply_environment(const std::map<std::string, std::string>& environment);
    void apply_var_file(const std::filesystem::path& path);
    void apply_assignment(const std::string& assignment);
    void fill_required(const VariableInputs& inputs);
    void fill_unknown();
    std::expected<ValueMap, Diagnostics> finish();

private:
    void set(const VariableDecl& variable, const Value& value, const std::string& source,
             const SourceLocation& location = {});
    const VariableDecl* find(const std::string& name, const std::string& source, const SourceLocation& location);

    const Stack& m_stack;
    ValueMap m_values;
    std::set<std::string> m_failed;  // variables given a value that did not convert
    Diagnostics m_diagnostics;
};

void VariableResolver::set(const VariableDecl& variable, const Value& value, const std::string& source,
                           const SourceLocation& location) {
    auto converted = convert_to_type(value, variable.type, "var." + variable.name);
    if (converted && converted->is_null() && !variable.nullable) {
        if (variable.default_value) {
            m_values.insert_or_assign(variable.name, *variable.default_value);
            return;
        }
        m_failed.insert(variable.name);
        m_diagnostics.add_error(fmt::format("{}: variable `{}` cannot be null", source, variable.name),
                                "it is declared with `nullable: false` and has no default", location);
        return;
    }
    if (converted) {
        m_values.insert_or_assign(variable.name, std::move(*converted));
        return;
    }
    m_failed.insert(variable.name);
    m_diagnostics.add_error(fmt::format("{}: {}", source, converted.error()), {}, location);
}

const VariableDecl* VariableResolver::find(const std::string& name, const std::string& source,
                                           const SourceLocation& location) {
    auto it = m_stack.variables.find(name);
    if (it != m_stack.variables.end()) return &it->second;
    std::vector<std::string> names;
    for (const auto& [declared, variable] : m_stack.variables) names.push_back(declared);
    m_diagnostics.add_error(fmt::format("{}: no variable `{}` is declared", source, name), did_you_mean(name, names),
                            location);
    return nullptr;
}

void VariableResolver::apply_defaults() {
    for (const auto& [name, variable] : m_stack.variables)
        if (variable.default_value) m_values.insert_or_assign(name, *variable.default_value);
}

void VariableResolver::apply_environment(const std::map<std::string, std::string>& environment) {
    for (const auto& [name, text] : environment) {
        auto it = m_stack.variables.find(name);
        if (it == m_stack.variables.end()) continue;
        set(it->second, value_from_text(text, it->second.type),
            fmt::format("environment variable {}{}", k_environment_prefix, name));
    }
}

void VariableResolver::apply_var_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    if (in) content << in.rdbuf();
    std::string source = fmt::format("var file `{}`", path.string());
    if (!in) return m_diagnostics.add_error(fmt::format("cannot read {}", source));
    YamlFile file{path.string(), content.str()};
    auto document = parse_yaml(file, m_diagnostics);
    if (!document) return;
    if (!document->root().is_map())
        return m_diagnostics.add_error(fmt::format("{} must be a mapping of variable names to values", source), {},
                                       location_of(document->root(), file));
    for (const auto& entry : unique_mapping_entries(document->root(), file, m_diagnostics)) {
        const VariableDecl* variable = find(entry.key, source, entry.location);
        if (!variable) continue;
        if (auto value = yaml_to_value(entry.value, file, m_diagnostics))
            set(*variable, *value, source, location_of(entry.value, file));
    }
}

void VariableResolver::apply_assignment(const std::string& assignment) {
    auto equals = assignment.find('=');
    if (equals == std::string::npos || equals == 0)
        return m_diagnostics.add_error(fmt::format("--var `{}` must have the form name=value", assignment));
    std::string name = assignment.substr(0, equals);
    std::string text = assignment.substr(equals + 1);
    const VariableDecl* variable = find(name, fmt::format("--var {}", name), {});
    if (!variable) return;
    std::string source = variable->sensitive ? fmt::format("--var {}", name) : fmt::format("--var {}", assignment);
    set(*variable, value_from_text(text, variable->type), source);
}

void VariableResolver::fill_required(const VariableInputs& inputs) {
    for (const auto& [name, variable] : m_stack.variables) {
        if (m_values.contains(name) || m_failed.contains(name)) continue;
        std::optional<std::string> answer = inputs.prompt ? inputs.prompt(variable) : std::nullopt;
        if (answer) {
            set(variable, value_from_text(*answer, variable.type), fmt::format("input for `{}`", name),
                variable.location);
            continue;
        }
        m_diagnostics.add_error(fmt::format("No value for required variable `{}`", name),
                                fmt::format("set it with --var {}=VALUE, a --var-file or {}{}", name,
                                            k_environment_prefix, name),
                                variable.location);
    }
}

void VariableResolver::fill_unknown() {
    for (const auto& [name, variable] : m_stack.variables)
        if (!m_values.contains(name)) m_values.emplace(name, Value::unknown());
}

std::expected<ValueMap, Diagnostics> VariableResolver::finish() {
    if (m_diagnostics.has_errors()) return std::unexpected(std::move(m_diagnostics));
    for (auto& [name, value] : m_values) {
        const VariableDecl& variable = m_stack.variables.at(name);
        if (variable.sensitive) value.mark_sensitive();
        m_diagnostics.append(validate_variable(variable, value, m_stack.dir));
    }
    if (m_diagnostics.has_errors()) return std::unexpected(std::move(m_diagnostics));
    return std::move(m_values);
}

}  // namespace

namespace {
// The given layers, in precedence order.
void apply_inputs(VariableResolver& resolver, const VariableInputs& inputs) {
    resolver.apply_defaults();
    resolver.apply_environment(inputs.environment);
    for (const auto& path : inputs.var_files) resolver.apply_var_file(path);
    for (const auto& assignment : inputs.assignments) resolver.apply_assignment(assignment);
}
}  // namespace

std::expected<ValueMap, Diagnostics> resolve_variables(const Stack& stack, const VariableInputs& inputs) {
    VariableResolver resolver(stack);
    apply_inputs(resolver, inputs);
    resolver.fill_required(inputs);
    return resolver.finish();
}

std::expected<ValueMap, Diagnostics> resolve_available_variables(const Stack& stack, const VariableInputs& inputs) {
    VariableResolver resolver(stack);
    apply_inputs(resolver, inputs);
    resolver.fill_unknown();
    return resolver.finish();
}

std::map<std::string, std::string> variables_from_environment(char** environ_block) {
    std::map<std::string, std::string> variables;
    for (char** entry = environ_block; entry && *entry; ++entry) {
        std::string_view text(*entry);
        if (!text.starts_with(k_environment_prefix)) continue;
        text.remove_prefix(k_environment_prefix.size());
        auto equals = text.find('=');
        if (equals == std::string_view::npos || equals == 0) continue;
        variables.emplace(std::string(text.substr(0, equals)), std::string(text.substr(equals + 1)));
    }
    return variables;
}

}  // namespace plinth
