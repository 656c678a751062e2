// core/stack/format/block_writer.h: the canonical layout of a YAML document's text. Block
// mappings and sequences are found from the parsed document and the text's indentation; each entry
// keeps the comment lines directly above it and moves with them, a comment trailing a line stays
// on it, a comment at the end of a collection stays at its end, and comments separated from the
// next entry by a blank line stay where they are. Entries are indented two spaces per level
// (sequence items too), runs of blank lines become one, `key:   value` becomes `key: value`, and
// trailing whitespace goes. Scalars and flow collections are kept as written; block scalars keep
// their text exactly, moved with their key. Anything not understood is kept as written, moved
// with its parent. Private to core/stack/format: stack_formatter.h checks the result.
#pragma once

#include <yaml-cpp/yaml.h>

#include "core/stack/format/canonical_order.h"
#include "core/stack/format/source_lines.h"

namespace plinth::format {

// The lines of the document `lines` holds (`root` is its parse; null for a document with no
// value). The root mapping is ordered as `root_role` says (MappingRole::Other keeps every
// mapping's order).
Lines write_document(const Lines& lines, const YAML::Node& root, MappingRole root_role);

}  // namespace plinth::format
