// core/stack/variables.h: the values of a stack's input variables, from their layers in
// Terraform's precedence (later wins): default < PLINTH_VAR_name environment < --var-file files
// (in order) < --var flags (in order). Values are converted to the declared type, `nullable: false`
// is applied, and the result is checked against the variable's `validation:` entries.
#pragma once

#include <expected>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/stack/stack.h"
#include "core/value.h"

namespace plinth {

struct VariableInputs {
    std::map<std::string, std::string> environment;  // name -> raw text, from PLINTH_VAR_name
    std::vector<std::filesystem::path> var_files;    // YAML/JSON maps of name -> value
    std::vector<std::string> assignments;            // "name=value" from --var, in order
    // Asked for each required variable that has no value; null answer means "no value".
    // Absent (no prompt) when not interactive.
    std::function<std::optional<std::string>(const VariableDecl&)> prompt;
};

// Raw text from the environment or --var is parsed by the declared type: for string it is taken
// as is; for number/bool it is converted; for list/map/any it is parsed as YAML flow
// (`[1, 2]`, `{a: b}`) and falls back to the string. Unknown names in --var or var files are
// errors; a missing required variable is an error naming it and its declaration. A null value for
// a variable with `nullable: false` becomes its default, or is an error when it has none.
std::expected<ValueMap, Diagnostics> resolve_variables(const Stack& stack, const VariableInputs& inputs);

// The same for a command that needs only a few values before it may know the rest (the
// encryption passphrase of `plinth show`): a required variable without a value is left unknown,
// and nobody is asked for one.
std::expected<ValueMap, Diagnostics> resolve_available_variables(const Stack& stack, const VariableInputs& inputs);

// The errors of `value` against the variable's `validation:` entries: each false condition gives
// "Invalid value for variable `NAME`" with the message as detail, at the condition. A condition
// whose value is unknown is skipped. File functions resolve relative paths from `base_dir`.
Diagnostics validate_variable(const VariableDecl& variable, const Value& value, const std::filesystem::path& base_dir);

// PLINTH_VAR_* entries of an environment block (environ).
std::map<std::string, std::string> variables_from_environment(char** environ_block);

}  // namespace plinth
