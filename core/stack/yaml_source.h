// core/stack/yaml_source.h: the bridge from YAML to plinth: parsing a file into a tree
// (yaml_tree.h) with located diagnostics, source locations of nodes (the tree's marks are 0-based;
// ours are 1-based), mapping entries with duplicate-key detection, and the YAML 1.2 core-schema
// typing of scalars into values and expressions. Private to core/stack.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/expr/expression.h"
#include "core/stack/yaml_tree.h"
#include "core/value.h"

namespace plinth {

// One YAML text, the name its locations carry, and the arena its expressions are built in (one
// per file: a node then costs its own size, see core/expr/arena.h).
struct YamlFile {
    SourceFile display_name;  // the file as diagnostics show it
    std::string content;
    expr::ArenaPtr expressions = expr::make_arena();
};

// A file's single document, in the tree that owns it.
struct YamlDocument {
    YamlTree tree;

    YamlNode root() const { return tree.documents().front(); }
};

// The file's single document; null for an empty file. Parse errors and a second document become
// diagnostics in `diagnostics`, and the result is then null too.
std::optional<YamlDocument> parse_yaml(const YamlFile& file, Diagnostics& diagnostics);

SourceLocation location_of(const YamlNode& node, const YamlFile& file);

// Where a scalar's text starts: after the quote of a quoted scalar, on the first content line of a
// block scalar (`|`, `>`), else at the node. Expressions and types in the text count from here.
SourceLocation scalar_start(const YamlNode& node, const YamlFile& file);

// A plain (unquoted, untagged) scalar; quoted and `!!str` scalars are strings whatever they say.
bool is_plain_scalar(const YamlNode& node);

struct MappingEntry {
    std::string key;
    SourceLocation location;  // of the key
    YamlNode value;
};

// Every entry of a mapping in source order, duplicates included (the tree keeps them).
// Non-scalar keys are reported and skipped.
std::vector<MappingEntry> mapping_entries(const YamlNode& map, const YamlFile& file, Diagnostics& diagnostics);

// The same, reporting a repeated key ("duplicate key `x`", naming the first place) and keeping
// only its first entry.
std::vector<MappingEntry> unique_mapping_entries(const YamlNode& map, const YamlFile& file,
                                                 Diagnostics& diagnostics);

// A node as a plain value (no templates): core-schema scalars, lists, maps. Used for variable
// defaults and var files. Null on error, with the error added to `diagnostics`.
std::optional<Value> yaml_to_value(const YamlNode& node, const YamlFile& file, Diagnostics& diagnostics);

// A node as an expression: scalars typed by the core schema, every string parsed as a template,
// mappings and sequences built from their members. Null on error, with the errors added.
expr::ExpressionPtr yaml_to_expression(const YamlNode& node, const YamlFile& file, Diagnostics& diagnostics);

// The text of a scalar node; null when the node is not a scalar (null nodes give "").
std::optional<std::string> scalar_text(const YamlNode& node);

// The YAML kind in words for messages: "a mapping", "a list", "a string", "null".
std::string describe_node(const YamlNode& node);

}  // namespace plinth
