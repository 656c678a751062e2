#include "core/stack/format/entry_line.h"

namespace plinth::format {
namespace {

bool separates(std::string_view line, std::size_t at) {
    return at >= line.size() || line[at] == ' ' || line[at] == '\t';
}

std::size_t skip_whitespace(std::string_view line, std::size_t at) {
    while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
    return at;
}

// Just past the closing quote of the quoted scalar starting at `at`; null when it is not closed.
std::optional<std::size_t> past_quoted(std::string_view line, std::size_t at) {
    char quote = line[at];
    for (std::size_t i = at + 1; i < line.size(); ++i) {
        if (quote == '"' && line[i] == '\\') {
            ++i;
            continue;
        }
        if (line[i] != quote) continue;
        if (quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
            ++i;
            continue;
        }
        return i + 1;
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::size_t> key_colon(std::string_view line, int column) {
    auto at = static_cast<std::size_t>(column);
    if (at >= line.size()) return std::nullopt;
    if (line[at] == '?' && separates(line, at + 1)) return std::nullopt;
    if (line[at] == '"' || line[at] == '\'') {
        auto end = past_quoted(line, at);
        if (!end) return std::nullopt;
        std::size_t colon = skip_whitespace(line, *end);
        if (colon < line.size() && line[colon] == ':' && separates(line, colon + 1)) return colon;
        return std::nullopt;
    }
    for (std::size_t i = at; i < line.size(); ++i) {
        if (line[i] == '#' && i > at && (line[i - 1] == ' ' || line[i - 1] == '\t')) return std::nullopt;
        if (line[i] == ':' && separates(line, i + 1)) return i;
    }
    return std::nullopt;
}

EntryValue read_entry_value(std::string_view line, std::size_t after) {
    EntryValue value;
    std::size_t at = skip_whitespace(line, after);
    value.text_at = at;
    // Anchors and tags before the value.
    while (at < line.size() && (line[at] == '&' || line[at] == '!')) {
        while (at < line.size() && !separates(line, at)) ++at;
        at = skip_whitespace(line, at);
    }
    if (at >= line.size() || line[at] == '#') return value;
    if (line[at] == '|' || line[at] == '>') {
        value.start = ValueStart::BlockScalar;
        for (std::size_t i = at + 1; i < line.size() && !separates(line, i); ++i)
            if (line[i] >= '1' && line[i] <= '9') value.explicit_indent = true;
        return value;
    }
    value.start = line[at] == '*' ? ValueStart::Alias : ValueStart::Inline;
    return value;
}

}  // namespace plinth::format
