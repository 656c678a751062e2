#include "core/stack/declarations.h"

#include <fmt/format.h>

#include "core/stack/block_fields.h"
#include "core/stack/variable_validation.h"

namespace plinth {
namespace {

bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9') || c == '-'; }

std::optional<TypeConstraint> variable_type(const MappingEntry& entry, const BlockContext& context,
                                            Diagnostics& diagnostics) {
    auto text = string_field(entry, context, diagnostics);
    if (!text) return std::nullopt;
    auto type = parse_type_constraint(*text, scalar_start(entry.value, context.file));
    if (type) return std::move(*type);
    Diagnostic error = std::move(type.error());
    error.summary = fmt::format("{}: {}", context.owner, error.summary);
    diagnostics.add(std::move(error));
    return std::nullopt;
}

// The default, converted to the declared type; null after an error.
std::optional<Value> variable_default(const VariableDecl& variable, const MappingEntry& entry,
                                      const YamlFile& file, Diagnostics& diagnostics) {
    auto value = yaml_to_value(entry.value, file, diagnostics);
    if (!value) return std::nullopt;
    if (value->is_null() && !variable.nullable) {
        diagnostics.add_error(fmt::format("the default of variable `{}` cannot be null", variable.name),
                              "the variable is declared with `nullable: false`", location_of(entry.value, file));
        return std::nullopt;
    }
    auto converted = convert_to_type(*value, variable.type, "var." + variable.name);
    if (converted) return std::move(*converted);
    diagnostics.add_error(fmt::format("the default of variable `{}` does not fit its type", variable.name),
                          converted.error(), location_of(entry.value, file));
    return std::nullopt;
}

}  // namespace

bool check_declaration_name(std::string_view kind, const MappingEntry& entry, Diagnostics& diagnostics) {
    const std::string& name = entry.key;
    bool valid = !name.empty() && is_name_start(name.front());
    for (char c : name) valid = valid && is_name_char(c);
    if (valid) return true;
    diagnostics.add_error(fmt::format("invalid {} name `{}`", kind, name),
                          "a name starts with a letter or `_` and holds only letters, digits, `_` and `-`",
                          entry.location);
    return false;
}

std::optional<VariableDecl> parse_variable(const MappingEntry& entry, const YamlFile& file, Diagnostics& diagnostics) {
    if (!check_declaration_name("variable", entry, diagnostics)) return std::nullopt;
    BlockContext context{fmt::format("variable `{}`", entry.key), file};
    auto fields = block_entries(entry.value, entry.location,
                                {"type", "default", "description", "sensitive", "nullable", "validation"}, context,
                                diagnostics);
    if (!fields) return std::nullopt;
    std::size_t before = diagnostics.size();
    VariableDecl variable;
    variable.name = entry.key;
    variable.location = entry.location;
    const MappingEntry* default_entry = nullptr;
    for (const auto& field : *fields) {
        if (field.key == "type") {
            variable.type = variable_type(field, context, diagnostics).value_or(TypeConstraint{});
        } else if (field.key == "default") {
            default_entry = &field;
        } else if (field.key == "description") {
            variable.description = string_field(field, context, diagnostics).value_or("");
        } else if (field.key == "sensitive") {
            variable.sensitive = bool_field(field, context, diagnostics).value_or(false);
        } else if (field.key == "nullable") {
            variable.nullable = bool_field(field, context, diagnostics).value_or(true);
        } else if (field.key == "validation") {
            variable.validations = parse_validations(field, entry.key, file, diagnostics);
        }
    }
    if (diagnostics.size() != before) return std::nullopt;
    if (default_entry) {
        variable.default_value = variable_default(variable, *default_entry, file, diagnostics);
        if (!variable.default_value) return std::nullopt;
    }
    return variable;
}

std::optional<LocalDecl> parse_local(const MappingEntry& entry, const YamlFile& file, Diagnostics& diagnostics) {
    if (!check_declaration_name("local", entry, diagnostics)) return std::nullopt;
    auto value = yaml_to_expression(entry.value, file, diagnostics);
    if (!value) return std::nullopt;
    return LocalDecl{entry.key, std::move(value), entry.location};
}

std::optional<OutputDecl> parse_output(const MappingEntry& entry, const YamlFile& file, Diagnostics& diagnostics) {
    if (!check_declaration_name("output", entry, diagnostics)) return std::nullopt;
    BlockContext context{fmt::format("output `{}`", entry.key), file};
    auto fields = block_entries(entry.value, entry.location, {"value", "description", "sensitive"}, context,
                                diagnostics);
    if (!fields) return std::nullopt;
    std::size_t before = diagnostics.size();
    OutputDecl output{entry.key, nullptr, {}, false, entry.location};
    for (const auto& field : *fields) {
        if (field.key == "value") {
            output.value = yaml_to_expression(field.value, file, diagnostics);
        } else if (field.key == "description") {
            output.description = string_field(field, context, diagnostics).value_or("");
        } else if (field.key == "sensitive") {
            output.sensitive = bool_field(field, context, diagnostics).value_or(false);
        }
    }
    if (!output.value && diagnostics.size() == before)
        diagnostics.add_error(fmt::format("output `{}` has no `value`", entry.key), {}, entry.location);
    if (diagnostics.size() != before) return std::nullopt;
    return output;
}

}  // namespace plinth
