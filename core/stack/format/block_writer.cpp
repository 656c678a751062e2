#include "core/stack/format/block_writer.h"

#include <optional>

#include "core/stack/format/entry_line.h"
#include "core/stack/format/kept_blank_lines.h"

namespace plinth::format {
namespace {

// Lines [begin, end) of the source.
struct Region {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// A child of a block collection in the source: an entry or an item.
struct Child {
    std::size_t attached = 0;  // first of the comment lines directly above it (== start when none)
    std::size_t start = 0;     // its key's or dash's line
    std::size_t end = 0;       // one past its last line (comments below it indented deeper count)
};

// A block collection's children; the lines between them are blank lines and comments.
struct Layout {
    int column = 0;  // of every key or dash
    std::vector<Child> children;
};

bool is_document_marker(std::string_view line) {
    if (line.starts_with('%')) return true;
    if (!line.starts_with("---")) return false;
    std::string_view rest = trim_leading(line.substr(3));
    return rest.empty() || (rest.front() == '#' && (line[3] == ' ' || line[3] == '\t'));
}

bool is_block_collection(const YAML::Node& node) {
    return (node.IsMap() || node.IsSequence()) && node.Style() == YAML::EmitterStyle::Block;
}

class BlockWriter {
public:
    explicit BlockWriter(Lines lines) : m_lines(std::move(lines)), m_kept(kept_blank_lines(m_lines)) {}

    Lines write(const YAML::Node& root, MappingRole role);

private:
    std::optional<Layout> analyze(Region region, const YAML::Node& node) const;
    std::optional<std::vector<std::size_t>> child_starts(Region region, std::size_t first, bool sequence) const;
    std::size_t child_end(std::size_t start, std::size_t limit, int column) const;
    // A line of layout: blank (and not kept by a block scalar) or a comment.
    bool is_gap_line(std::size_t line) const;

    void write_collection(Region region, const YAML::Node& node, int indent, MappingRole role);
    void write_entry(const Child& child, const Layout& layout, const YAML::Node& key, const YAML::Node& value,
                     int indent, MappingRole role);
    void write_item(const Child& child, const Layout& layout, const YAML::Node& value, int indent);
    // The lines of a value below its entry's first line; `delta` moves the entry.
    void write_value_lines(Region region, int delta, const EntryValue& value, int indent);
    void write_leaf(Region region, int delta, bool exact);
    void write_verbatim(Region region, int indent);
    // Blank lines and comments: comments at `indent`, a run of blank lines as one; blank lines are
    // dropped at the start when `at_start` and at the end unless `keep_last_blank`.
    void write_gap(Region region, int indent, bool at_start, bool keep_last_blank);

    Lines m_lines;
    std::vector<bool> m_kept;  // blank lines that are a block scalar's text
    Lines m_out;
};

Lines BlockWriter::write(const YAML::Node& root, MappingRole role) {
    std::size_t first = 0;
    while (first < m_lines.size() &&
           (is_blank(m_lines[first]) || is_comment(m_lines[first]) || is_document_marker(m_lines[first])))
        ++first;
    std::size_t last = m_lines.size();
    while (last > first && is_blank(m_lines[last - 1]) && !m_kept[last - 1]) --last;
    if (first == m_lines.size() || !root.IsDefined() || root.IsNull()) {
        write_gap({0, m_lines.size()}, 0, true, false);
        return std::move(m_out);
    }
    write_gap({0, first}, 0, true, true);
    if (is_block_collection(root))
        write_collection({first, last}, root, 0, role);
    else
        write_leaf({first, last}, 0, false);
    return std::move(m_out);
}

std::optional<std::vector<std::size_t>> BlockWriter::child_starts(Region region, std::size_t first,
                                                                  bool sequence) const {
    int column = indent_of(m_lines[first]);
    std::vector<std::size_t> starts;
    for (std::size_t i = first; i < region.end; ++i) {
        const std::string& line = m_lines[i];
        if (is_blank(line) || is_comment(line)) continue;
        int indent = indent_of(line);
        if (indent < column) return std::nullopt;
        if (indent > column) continue;
        // In a mapping, items at the key's own indentation belong to a sequence under the key.
        if (is_dash_item(line, column) != sequence) {
            if (sequence || i == first) return std::nullopt;
            continue;
        }
        starts.push_back(i);
    }
    return starts;
}

std::size_t BlockWriter::child_end(std::size_t start, std::size_t limit, int column) const {
    std::size_t end = limit;
    while (end > start + 1 && is_gap_line(end - 1) &&
           !(is_comment(m_lines[end - 1]) && indent_of(m_lines[end - 1]) > column))
        --end;
    return end;
}

bool BlockWriter::is_gap_line(std::size_t line) const {
    return (is_blank(m_lines[line]) && !m_kept[line]) || is_comment(m_lines[line]);
}

std::optional<Layout> BlockWriter::analyze(Region region, const YAML::Node& node) const {
    std::size_t first = region.begin;
    while (first < region.end && (is_blank(m_lines[first]) || is_comment(m_lines[first]))) ++first;
    if (first == region.end) return std::nullopt;
    bool sequence = node.IsSequence();
    auto starts = child_starts(region, first, sequence);
    if (!starts || starts->size() != node.size()) return std::nullopt;
    Layout layout;
    layout.column = indent_of(m_lines[first]);
    std::size_t index = 0;
    for (auto it = node.begin(); it != node.end(); ++it, ++index) {
        std::size_t start = (*starts)[index];
        // A key yaml-cpp did not find on the line this one starts is a sign of YAML not understood.
        if (!sequence && static_cast<std::size_t>(it->first.Mark().line) != start) return std::nullopt;
        std::size_t limit = index + 1 < starts->size() ? (*starts)[index + 1] : region.end;
        Child child;
        child.start = start;
        child.end = child_end(start, limit, layout.column);
        std::size_t gap_begin = layout.children.empty() ? region.begin : layout.children.back().end;
        child.attached = start;
        while (child.attached > gap_begin && is_comment(m_lines[child.attached - 1])) --child.attached;
        layout.children.push_back(child);
    }
    return layout;
}

void BlockWriter::write_collection(Region region, const YAML::Node& node, int indent, MappingRole role) {
    auto layout = analyze(region, node);
    if (!layout) {
        write_verbatim(region, indent);
        return;
    }
    std::vector<YAML::Node> keys;
    std::vector<YAML::Node> values;
    std::vector<std::string> names;
    for (auto it = node.begin(); it != node.end(); ++it) {
        keys.push_back(node.IsMap() ? it->first : YAML::Node());
        values.push_back(node.IsMap() ? it->second : *it);
        names.push_back(node.IsMap() && it->first.IsScalar() ? it->first.Scalar() : std::string());
    }
    std::vector<std::size_t> order = canonical_order(node.IsMap() ? role : MappingRole::Other, names);
    const auto& children = layout->children;
    for (std::size_t slot = 0; slot < order.size(); ++slot) {
        // What lies between entries stays in its place; the comments directly above an entry move with it.
        Region floating{slot == 0 ? region.begin : children[slot - 1].end, children[slot].attached};
        write_gap(floating, indent, slot == 0, true);
        const Child& child = children[order[slot]];
        write_gap({child.attached, child.start}, indent, false, false);
        if (node.IsMap())
            write_entry(child, *layout, keys[order[slot]], values[order[slot]], indent, role);
        else
            write_item(child, *layout, values[order[slot]], indent);
    }
    write_gap({children.back().end, region.end}, indent, false, false);
}

void BlockWriter::write_entry(const Child& child, const Layout& layout, const YAML::Node& key, const YAML::Node& value,
                              int indent, MappingRole role) {
    const std::string& line = m_lines[child.start];
    int delta = indent - layout.column;
    auto colon = key_colon(line, layout.column);
    if (!colon) {
        write_leaf({child.start, child.end}, delta, false);
        return;
    }
    EntryValue entry = read_entry_value(line, *colon + 1);
    std::string text = spaces(indent) + line.substr(static_cast<std::size_t>(layout.column),
                                                    *colon + 1 - static_cast<std::size_t>(layout.column));
    std::string_view rest = std::string_view(line).substr(entry.text_at);
    if (rest.starts_with('#'))
        text += line.substr(*colon + 1);  // a comment keeps its distance
    else if (!rest.empty())
        text += " " + std::string(rest);
    m_out.push_back(trim_trailing(text));
    Region below{child.start + 1, child.end};
    if (entry.start == ValueStart::Below && is_block_collection(value) && below.begin < below.end)
        write_collection(below, value, indent + 2, role_of_value(role, key.IsScalar() ? key.Scalar() : ""));
    else
        write_value_lines(below, delta, entry, indent);
}

void BlockWriter::write_item(const Child& child, const Layout& layout, const YAML::Node& value, int indent) {
    std::string& line = m_lines[child.start];
    EntryValue item = read_entry_value(line, static_cast<std::size_t>(layout.column) + 1);
    bool nested = (item.start == ValueStart::Inline || item.start == ValueStart::Below) && is_block_collection(value);
    if (!nested) {
        std::string rest = trim_trailing(std::string_view(line).substr(item.text_at));
        m_out.push_back(spaces(indent) + (rest.empty() ? "-" : "- " + rest));
        int content = rest.empty() ? layout.column + 2 : static_cast<int>(item.text_at);
        write_value_lines({child.start + 1, child.end}, indent + 2 - content, item, indent);
        return;
    }
    // The item's collection starts on the dash's line (or below it): lay it out without the dash,
    // then put the dash back in front of its first line.
    bool bare_dash = item.text_at == line.size();
    line[static_cast<std::size_t>(layout.column)] = ' ';
    std::size_t first = m_out.size();
    write_collection({child.start, child.end}, value, indent + 2, MappingRole::Other);
    // A comment that was below a bare dash stays below it.
    bool comment_below = bare_dash && first < m_out.size() && is_comment(m_out[first]);
    if (first < m_out.size() && is_blank(m_out[first]))
        m_out[first] = spaces(indent) + "-";
    else if (first < m_out.size() && indent_of(m_out[first]) > indent && !comment_below)
        m_out[first][static_cast<std::size_t>(indent)] = '-';
    else
        m_out.insert(m_out.begin() + static_cast<std::ptrdiff_t>(first), spaces(indent) + "-");
}

void BlockWriter::write_value_lines(Region region, int delta, const EntryValue& value, int indent) {
    if (value.start != ValueStart::BlockScalar) {
        write_leaf(region, delta, false);
        return;
    }
    // A block scalar's text goes two columns in from its key or dash, every line moved alike; with
    // an indentation indicator it stays where it is relative to them.
    std::size_t first = region.begin;
    while (first < region.end && is_blank(m_lines[first])) ++first;
    if (!value.explicit_indent && first < region.end) delta = indent + 2 - indent_of(m_lines[first]);
    write_leaf(region, delta, true);
}

void BlockWriter::write_leaf(Region region, int delta, bool exact) {
    for (std::size_t i = region.begin; i < region.end; ++i) {
        const std::string& line = m_lines[i];
        if (exact)
            m_out.push_back(shift_line(line, delta));
        else
            m_out.push_back(is_blank(line) ? std::string() : shift_line(trim_trailing(line), delta));
    }
}

void BlockWriter::write_verbatim(Region region, int indent) {
    std::size_t first = region.begin;
    while (first < region.end && (is_blank(m_lines[first]) || is_comment(m_lines[first]))) ++first;
    int delta = first < region.end ? indent - indent_of(m_lines[first]) : 0;
    write_leaf(region, delta, true);
}

void BlockWriter::write_gap(Region region, int indent, bool at_start, bool keep_last_blank) {
    bool blank = false;
    bool written = !at_start;
    for (std::size_t i = region.begin; i < region.end; ++i) {
        const std::string& line = m_lines[i];
        if (is_blank(line)) {
            blank = true;
            continue;
        }
        if (blank && written) m_out.emplace_back();
        blank = false;
        written = true;
        m_out.push_back(is_comment(line) ? spaces(indent) + trim_trailing(trim_leading(line)) : trim_trailing(line));
    }
    if (blank && written && keep_last_blank) m_out.emplace_back();
}

}  // namespace

Lines write_document(const Lines& lines, const YAML::Node& root, MappingRole root_role) {
    return BlockWriter(lines).write(root, root_role);
}

}  // namespace plinth::format
