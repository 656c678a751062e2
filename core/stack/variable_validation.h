// core/stack/variable_validation.h: reading a variable's `validation:` entries at load time. Each
// is a `{condition, message}` mapping (or a list of them); both may refer to no variable but this
// one, the condition must refer to it, and a condition that is surely not a bool is an error.
// Checking a value against them is validate_variable() in variables.h. Private to core/stack.
#pragma once

#include <string>
#include <vector>

#include "core/stack/stack.h"
#include "core/stack/yaml_source.h"

namespace plinth {

// The entries of `entry` (the `validation:` field of variable `variable`); the ones in error are
// left out, with their errors added to `diagnostics`.
std::vector<VariableDecl::Validation> parse_validations(const MappingEntry& entry, const std::string& variable,
                                                        const YamlFile& file, Diagnostics& diagnostics);

}  // namespace plinth
