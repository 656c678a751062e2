// Variable validations: reading the `validation:` entries (variable_validation.h) and checking a
// value against them (validate_variable in variables.h).
#include "core/stack/variable_validation.h"

#include <algorithm>
#include <fmt/format.h>

#include "core/expr/functions.h"
#include "core/stack/block_fields.h"
#include "core/stack/variables.h"

namespace plinth {
namespace {

// `var` holding one variable: what a validation sees.
class VariableScope : public expr::Scope {
public:
    VariableScope(const std::string& name, Value value) : m_var(ValueMap{{name, std::move(value)}}) {}
    const Value* lookup(std::string_view root) const override { return root == "var" ? &m_var : nullptr; }

private:
    Value m_var;
};

void add_not_bool(const std::string& variable, const Value& value, const SourceLocation& condition,
                  Diagnostics& diagnostics) {
    diagnostics.add_error(fmt::format("the condition of a validation of variable `{}` must be a bool, not {}", variable,
                                      kind_name(value.kind())),
                          {}, condition);
}

bool refers_to(const expr::Reference& reference, const std::string& variable) {
    return reference.root == "var" && !reference.path.empty() && reference.path.front() == variable;
}

// Errors for references to anything but `var.VARIABLE`; whether there was one to it.
bool check_references(const expr::Expression& expression, const std::string& variable, Diagnostics& diagnostics) {
    bool found = false;
    for (const auto& reference : expr::collect_references(expression)) {
        if (refers_to(reference, variable)) {
            found = true;
            continue;
        }
        std::string name = reference.path.empty() ? reference.root : reference.root + "." + reference.path.front();
        diagnostics.add_error(fmt::format("a validation of variable `{}` can only refer to `var.{}`, not `{}`", variable,
                                          variable, name),
                              {}, reference.location);
    }
    return found;
}

// A condition that is surely not a bool, whatever the variable's value: evaluated with the
// value unknown, it gives a known value of another kind. Evaluation errors are left for the
// check of real values, which knows the stack directory.
void check_condition_kind(const VariableDecl::Validation& validation, const std::string& variable,
                          Diagnostics& diagnostics) {
    VariableScope scope(variable, Value::unknown());
    auto value = expr::evaluate(*validation.condition, expr::EvalContext{scope, expr::FunctionTable::standard(), {}});
    if (value && !value->is_unknown() && !expr::convert_to_bool(*value)) add_not_bool(variable, *value, validation.location, diagnostics);
}

std::optional<VariableDecl::Validation> parse_validation(const YamlNode& node, const std::string& variable,
                                                         const YamlFile& file, Diagnostics& diagnostics) {
    BlockContext context{fmt::format("the validation of variable `{}`", variable), file};
    SourceLocation at = location_of(node, file);
    auto fields = block_entries(node, at, {"condition", "message"}, context, diagnostics);
    if (!fields) return std::nullopt;
    std::size_t before = diagnostics.size();
    VariableDecl::Validation validation;
    for (const auto& field : *fields) {
        if (field.key == "message" && !field.value.is_scalar()) {
            diagnostics.add_error(fmt::format("the message of {} must be a string, not {}", context.owner,
                                              describe_node(field.value)),
                                  {}, location_of(field.value, file));
            continue;
        }
        auto expression = yaml_to_expression(field.value, file, diagnostics);
        if (!expression) continue;
        bool refers = check_references(*expression, variable, diagnostics);
        if (field.key == "message") {
            validation.message = std::move(expression);
            continue;
        }
        validation.condition = std::move(expression);
        validation.location = location_of(field.value, file);
        if (!refers)
            diagnostics.add_error(fmt::format("the condition of a validation of variable `{}` must refer to `var.{}`",
                                              variable, variable),
                                  {}, validation.location);
    }
    for (std::string_view key : {"condition", "message"}) {
        bool given = std::any_of(fields->begin(), fields->end(), [&](const MappingEntry& f) { return f.key == key; });
        if (!given) diagnostics.add_error(fmt::format("{} has no `{}`", context.owner, key), {}, at);
    }
    if (diagnostics.size() != before) return std::nullopt;
    check_condition_kind(validation, variable, diagnostics);
    if (diagnostics.size() != before) return std::nullopt;
    return validation;
}

// The detail of a failed validation: its message, unless that shows a sensitive value.
std::expected<std::string, Diagnostics> failure_message(const VariableDecl::Validation& validation,
                                                        const expr::EvalContext& context) {
    auto message = expr::evaluate(*validation.message, context);
    if (!message) return std::unexpected(std::move(message.error()));
    if (message->contains_sensitive()) return "The error message included a sensitive value, so it is not shown.";
    if (message->is_string()) return message->as_string();
    return to_display(*message);
}

}  // namespace

std::vector<VariableDecl::Validation> parse_validations(const MappingEntry& entry, const std::string& variable,
                                                        const YamlFile& file, Diagnostics& diagnostics) {
    std::vector<YamlNode> nodes;
    if (entry.value.is_map()) {
        nodes.push_back(entry.value);
    } else if (entry.value.is_sequence()) {
        for (const auto& node : entry.value.items()) nodes.push_back(node);
    } else {
        diagnostics.add_error(fmt::format("`validation` of variable `{}` must be a mapping with `condition` and "
                                          "`message`, or a list of them, not {}",
                                          variable, describe_node(entry.value)),
                              {}, location_of(entry.value, file));
    }
    std::vector<VariableDecl::Validation> validations;
    for (const auto& node : nodes)
        if (auto validation = parse_validation(node, variable, file, diagnostics))
            validations.push_back(std::move(*validation));
    return validations;
}

Diagnostics validate_variable(const VariableDecl& variable, const Value& value, const std::filesystem::path& base_dir) {
    Diagnostics diagnostics;
    VariableScope scope(variable.name, value);
    expr::EvalContext context{scope, expr::FunctionTable::standard(), base_dir};
    for (const auto& validation : variable.validations) {
        auto result = expr::evaluate(*validation.condition, context);
        if (!result) {
            diagnostics.append(result.error());
            continue;
        }
        if (result->is_unknown()) continue;
        auto holds = expr::convert_to_bool(*result);
        if (!holds) add_not_bool(variable.name, *result, validation.location, diagnostics);
        if (!holds || *holds) continue;
        auto message = failure_message(validation, context);
        if (!message) {
            diagnostics.append(message.error());
            continue;
        }
        diagnostics.add_error(fmt::format("Invalid value for variable `{}`", variable.name), std::move(*message),
                              validation.location);
    }
    return diagnostics;
}

}  // namespace plinth
