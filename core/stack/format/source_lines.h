// core/stack/format/source_lines.h: a YAML file as lines of text, and what the formatter asks of
// one line: its indentation, whether it is blank, a comment or a sequence item, and shifting it
// left or right. Private to core/stack/format.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plinth::format {

// Lines without their line breaks; "\r\n" is read as "\n".
using Lines = std::vector<std::string>;

Lines split_lines(std::string_view text);

// Leading spaces (tabs never indent in YAML).
int indent_of(std::string_view line);
// Only spaces and tabs, or nothing.
bool is_blank(std::string_view line);
// A comment line: `#` is its first character after spaces and tabs.
bool is_comment(std::string_view line);
// A block sequence item at `column`: `-` there, then a space, a tab or the end of the line.
bool is_dash_item(std::string_view line, int column);

// The line moved `delta` columns (right when positive); an empty line stays empty, and moving
// left never removes more than the line's leading spaces.
std::string shift_line(std::string_view line, int delta);
// Without trailing spaces and tabs, unless they follow a backslash: in a double-quoted scalar
// `\ ` at the end of a line is an escaped space.
std::string trim_trailing(std::string_view line);
// Without leading spaces and tabs.
std::string_view trim_leading(std::string_view line);

// `count` spaces.
std::string spaces(int count);

}  // namespace plinth::format
