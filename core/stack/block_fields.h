// core/stack/block_fields.h: reading the fields of a declaration block (a variable, resource,
// module call, output or lifecycle mapping): the allowed keys, scalar, bool and name-list fields,
// depends_on and count/for_each, each failure a diagnostic at the offending node. Private to
// core/stack.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/stack/stack.h"
#include "core/stack/yaml_source.h"

namespace plinth {

// What a block is called in messages, e.g. "resource `web`", and the file it sits in.
struct BlockContext {
    std::string owner;
    const YamlFile& file;
};

// The block's entries when `node` is a mapping with only `allowed` keys, each at most once.
// Errors: not a mapping (at `block_location`), unknown keys (listing the valid ones), duplicates.
// Entries with unknown keys are dropped; null when `node` is not a mapping.
std::optional<std::vector<MappingEntry>> block_entries(const YamlNode& node, const SourceLocation& block_location,
                                                       const std::vector<std::string_view>& allowed,
                                                       const BlockContext& context, Diagnostics& diagnostics);

// A scalar field as text: `type: local_file`. Error when it is a mapping or a list.
std::optional<std::string> string_field(const MappingEntry& entry, const BlockContext& context,
                                        Diagnostics& diagnostics);

// A bool field: plain `true` or `false`.
std::optional<bool> bool_field(const MappingEntry& entry, const BlockContext& context, Diagnostics& diagnostics);

// A list of names, e.g. `depends_on: [a, b]`, each with its location.
struct NameAt {
    std::string name;
    SourceLocation location;
};
std::optional<std::vector<NameAt>> name_list_field(const MappingEntry& entry, const BlockContext& context,
                                                   Diagnostics& diagnostics);

// `depends_on: [web, data.config, module.net]`.
std::vector<DependsOn> parse_depends_on(const MappingEntry& entry, const BlockContext& context,
                                        Diagnostics& diagnostics);

// `count:` or `for_each:` into `repetition` (an expression each); other keys are ignored.
void read_repetition_field(const MappingEntry& entry, const BlockContext& context, Repetition& repetition,
                           Diagnostics& diagnostics);
// Both `count` and `for_each` on one block is an error at `location`.
void check_repetition(const Repetition& repetition, const BlockContext& context, const SourceLocation& location,
                      Diagnostics& diagnostics);

}  // namespace plinth
