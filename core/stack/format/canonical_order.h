// core/stack/format/canonical_order.h: the canonical layout of a stack file: the order of its
// top-level sections and of the fields of each declaration (docs/stack-language.md, "Formatting"),
// and which mapping of a file plays which part.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::format {

enum class MappingRole {
    Other,      // left in its own order
    TopLevel,   // a stack file's sections
    Resources,  // `resources:` or `data:`: name -> declaration (in the user's order)
    Variables,
    Outputs,
    Modules,
    Resource,  // a resource or data source
    Variable,
    Output,
    ModuleCall,
};

// The part the mapping under `key` plays in a mapping playing `parent`.
MappingRole role_of_value(MappingRole parent, std::string_view key);

// A mapping's keys in canonical order, as positions into `keys`: the keys its role orders, in that
// order (a repeated key keeps its place among its copies), then every other key as it came.
std::vector<std::size_t> canonical_order(MappingRole role, const std::vector<std::string>& keys);

// The top-level sections in canonical order.
std::span<const std::string_view> canonical_sections();

}  // namespace plinth::format
