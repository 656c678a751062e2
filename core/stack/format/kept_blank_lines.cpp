#include "core/stack/format/kept_blank_lines.h"

#include <algorithm>

namespace plinth::format {
namespace {

// The line without a trailing comment (a `#` after whitespace) and trailing whitespace.
std::string_view without_comment(std::string_view line) {
    for (std::size_t i = 1; i < line.size(); ++i)
        if (line[i] == '#' && (line[i - 1] == ' ' || line[i - 1] == '\t')) {
            line = line.substr(0, i);
            break;
        }
    std::size_t last = line.find_last_not_of(" \t");
    return last == std::string_view::npos ? std::string_view() : line.substr(0, last + 1);
}

// Whether the line ends with a block scalar header keeping its trailing lines: `|+`, `>+2`, ...
bool ends_with_keep_header(std::string_view line) {
    line = without_comment(line);
    std::size_t start = line.find_last_of(" \t:-");
    std::string_view token = start == std::string_view::npos ? line : line.substr(start + 1);
    if (token.size() < 2 || token.size() > 3 || (token[0] != '|' && token[0] != '>')) return false;
    if (std::ranges::count(token, '+') != 1) return false;
    return std::ranges::all_of(token.substr(1), [](char c) { return c == '+' || (c >= '1' && c <= '9'); });
}

// The column of what owns the header: the key after any `- ` of compact sequence items.
int owner_column(std::string_view line) {
    auto at = static_cast<std::size_t>(indent_of(line));
    while (at + 1 < line.size() && line[at] == '-' && (line[at + 1] == ' ' || line[at + 1] == '\t')) {
        at = line.find_first_not_of(" \t", at + 1);
        if (at == std::string_view::npos) return static_cast<int>(line.size());
    }
    return static_cast<int>(at);
}

}  // namespace

std::vector<bool> kept_blank_lines(const Lines& lines) {
    std::vector<bool> kept(lines.size(), false);
    for (std::size_t header = 0; header < lines.size(); ++header) {
        if (!ends_with_keep_header(lines[header])) continue;
        int owner = owner_column(lines[header]);
        // The scalar's text: blank lines and lines indented past its owner.
        std::size_t end = header + 1;
        while (end < lines.size() && (is_blank(lines[end]) || indent_of(lines[end]) > owner)) ++end;
        for (std::size_t i = end; i > header + 1 && is_blank(lines[i - 1]); --i) kept[i - 1] = true;
    }
    return kept;
}

}  // namespace plinth::format
