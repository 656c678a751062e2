#include "core/stack/format/source_lines.h"

#include <algorithm>

namespace plinth::format {

Lines split_lines(std::string_view text) {
    Lines lines;
    while (!text.empty()) {
        std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.emplace_back(line);
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return lines;
}

int indent_of(std::string_view line) {
    std::size_t first = line.find_first_not_of(' ');
    return static_cast<int>(first == std::string_view::npos ? line.size() : first);
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

bool is_comment(std::string_view line) {
    std::size_t first = line.find_first_not_of(" \t");
    return first != std::string_view::npos && line[first] == '#';
}

bool is_dash_item(std::string_view line, int column) {
    auto at = static_cast<std::size_t>(column);
    if (indent_of(line) != column || at >= line.size() || line[at] != '-') return false;
    return at + 1 == line.size() || line[at + 1] == ' ' || line[at + 1] == '\t';
}

std::string shift_line(std::string_view line, int delta) {
    if (line.empty()) return {};
    if (delta >= 0) return spaces(delta) + std::string(line);
    int removed = std::min(-delta, indent_of(line));
    return std::string(line.substr(static_cast<std::size_t>(removed)));
}

std::string trim_trailing(std::string_view line) {
    std::size_t last = line.find_last_not_of(" \t");
    if (last == std::string_view::npos) return {};
    if (line[last] == '\\' && last + 1 < line.size()) return std::string(line);
    return std::string(line.substr(0, last + 1));
}

std::string_view trim_leading(std::string_view line) {
    std::size_t first = line.find_first_not_of(" \t");
    return first == std::string_view::npos ? std::string_view() : line.substr(first);
}

std::string spaces(int count) { return std::string(static_cast<std::size_t>(std::max(count, 0)), ' '); }

}  // namespace plinth::format
