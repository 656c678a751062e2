// core/stack/format/stack_formatter.h: `plinth fmt` as text to text: a stack file laid out
// canonically (docs/stack-language.md, "Formatting"), comments kept, its meaning checked unchanged.
#pragma once

#include <expected>
#include <string>

#include "core/diagnostics.h"
#include "core/stack/yaml_source.h"

namespace plinth::format {

struct FormattedFile {
    std::string text;
    // The file is a stack file: a mapping of stack sections, or empty. Only stack files have their
    // sections and declarations put in canonical order; other YAML keeps its order, and a file of
    // several documents is left as it is.
    bool stack_file = false;
};

// `file.content` in the canonical layout. Invalid YAML is an error at its file:line:column. The
// result is parsed again and compared with the input; should the layout change what the file
// means, that is an error and nothing is formatted.
std::expected<FormattedFile, Diagnostics> format_stack_file(const YamlFile& file);

}  // namespace plinth::format
