#include "plans/render_diff.h"

#include <algorithm>
#include <fmt/format.h>

#include "plans/render_value.h"
#include "plans/sequence_diff.h"

namespace plinth::plans {

namespace {
// Unchanged heredoc lines shown next to a changed one, for orientation.
constexpr std::size_t k_context_lines = 1;

std::string member_path(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string element_path(const std::string& path, std::size_t index) {
    return fmt::format("{}[{}]", path, index);
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

// Two list elements diffed member by member rather than shown as a removal and an insertion.
bool diffable_pair(const Value& before, const Value& after) {
    return !before.is_sensitive() && !after.is_sensitive() &&
           ((before.is_map() && after.is_map()) || (before.is_list() && after.is_list()));
}
}  // namespace

std::string DiffWriter::note(const std::string& path) const {
    bool forced = std::find(m_forced.begin(), m_forced.end(), path) != m_forced.end();
    return forced ? " " + m_style.red("# forces replacement") : std::string();
}

void DiffWriter::hidden_line(std::string& out, int column, std::size_t count, std::string_view noun) const {
    if (count == 0) return;
    out += fmt::format("{}# ({} unchanged {}{} hidden)\n", std::string(column, ' '), count, noun,
                       count == 1 ? "" : "s");
}

DiffWriter::Outcome DiffWriter::entry(std::string& out, std::string_view key, const Value& before,
                                      const Value& after, int column, const std::string& path) const {
    if (before.is_null() && after.is_null()) return Outcome::Absent;
    bool secret_change = std::ranges::find(m_secret_changes, path) != m_secret_changes.end();
    if (before == after && !secret_change) return Outcome::Unchanged;
    std::string lead = key.empty() ? std::string() : std::string(key) + " = ";
    if (before.is_null()) {
        out += line_start(column, Mark::Create, m_style) + lead + render_value(after, Mark::Create, column, m_style) +
               note(path) + "\n";
    } else if (after.is_null()) {
        out += line_start(column, Mark::Delete, m_style) + lead + render_value(before, Mark::Delete, column, m_style) +
               " -> null" + note(path) + "\n";
    } else {
        out += line_start(column, Mark::Update, m_style) + lead + update_text(before, after, column, path, "") + "\n";
    }
    return Outcome::Shown;
}

std::string DiffWriter::update_text(const Value& before, const Value& after, int column, const std::string& path,
                                    std::string_view suffix) const {
    std::string closing_indent(column, ' ');
    if (before.is_sensitive() || after.is_sensitive())
        return "(sensitive value)" + std::string(suffix) + note(path);
    if (after.is_unknown())
        return render_value(before, Mark::Delete, column, m_style) + " -> (known after apply)" +
               std::string(suffix) + note(path);
    if (before.is_map() && after.is_map()) {
        std::string out = "{" + note(path) + "\n";
        members(out, before, after, column + 4, true, "element", path);
        return out + closing_indent + "}" + std::string(suffix);
    }
    if (before.is_list() && after.is_list()) {
        std::string out = "[" + note(path) + "\n";
        list_elements(out, before.as_list(), after.as_list(), column + 4, path);
        return out + closing_indent + "]" + std::string(suffix);
    }
    if ((is_multiline(before) || is_multiline(after)) && before.is_string() && after.is_string()) {
        // Strings differing only in a final newline have the same lines: show them quoted.
        if (split_lines(before.as_string()) == split_lines(after.as_string()))
            return hcl_quote(before.as_string()) + " -> " + hcl_quote(after.as_string()) + std::string(suffix) +
                   note(path);
        std::string out = "<<-EOT" + note(path) + "\n";
        heredoc_lines(out, before.as_string(), after.as_string(), column);
        return out + closing_indent + "EOT" + std::string(suffix);
    }
    return render_value(before, Mark::Delete, column, m_style) + " -> " +
           render_value(after, Mark::Create, column, m_style) + std::string(suffix) + note(path);
}

void DiffWriter::members(std::string& out, const Value& before, const Value& after, int column, bool quote_keys,
                         std::string_view noun, const std::string& path) const {
    static const ValueMap k_empty;
    const ValueMap& old_members = before.is_map() ? before.as_map() : k_empty;
    const ValueMap& new_members = after.is_map() ? after.as_map() : k_empty;
    std::vector<std::string> keys;
    for (const auto& [key, value] : old_members) keys.push_back(key);
    for (const auto& [key, value] : new_members)
        if (!old_members.contains(key)) keys.push_back(key);
    std::sort(keys.begin(), keys.end());

    static const Value k_null;
    auto side = [](const ValueMap& map, const std::string& key) -> const Value& {
        auto it = map.find(key);
        return it == map.end() ? k_null : it->second;
    };
    std::size_t width = 0;
    for (const auto& key : keys)
        if (!side(old_members, key).is_null() || !side(new_members, key).is_null())
            width = std::max(width, key_text(key, quote_keys).size());
    std::size_t unchanged = 0;
    for (const auto& key : keys) {
        Outcome outcome = entry(out, pad(key_text(key, quote_keys), width), side(old_members, key),
                                side(new_members, key), column, member_path(path, key));
        if (outcome == Outcome::Unchanged) ++unchanged;
    }
    hidden_line(out, column, unchanged, noun);
}

void DiffWriter::list_elements(std::string& out, const ValueList& before, const ValueList& after, int column,
                               const std::string& path) const {
    auto edits = diff_sequences(before.size(), after.size(),
                                [&](std::size_t i, std::size_t j) { return before[i] == after[j]; });
    std::size_t unchanged = 0;
    std::vector<const Value*> removed;
    std::vector<std::pair<const Value*, std::size_t>> inserted;
    auto flush_stretch = [&] {
        list_stretch(out, removed, inserted, column, path);
        removed.clear();
        inserted.clear();
    };
    for (const auto& edit : edits) {
        if (edit.op == Edit::Op::Keep) {
            flush_stretch();
            ++unchanged;
            continue;
        }
        hidden_line(out, column, unchanged, "element");
        unchanged = 0;
        if (edit.op == Edit::Op::Remove) removed.push_back(&before[edit.before]);
        else inserted.emplace_back(&after[edit.after], edit.after);
    }
    flush_stretch();
    hidden_line(out, column, unchanged, "element");
}

void DiffWriter::list_stretch(std::string& out, const std::vector<const Value*>& removed,
                              const std::vector<std::pair<const Value*, std::size_t>>& inserted, int column,
                              const std::string& path) const {
    for (std::size_t k = 0; k < std::max(removed.size(), inserted.size()); ++k) {
        const Value* old_item = k < removed.size() ? removed[k] : nullptr;
        const Value* new_item = k < inserted.size() ? inserted[k].first : nullptr;
        if (old_item && new_item && diffable_pair(*old_item, *new_item)) {
            out += line_start(column, Mark::Update, m_style) +
                   update_text(*old_item, *new_item, column, element_path(path, inserted[k].second), ",") + "\n";
            continue;
        }
        if (old_item)
            out += line_start(column, Mark::Delete, m_style) + render_value(*old_item, Mark::Delete, column, m_style) +
                   ",\n";
        if (new_item)
            out += line_start(column, Mark::Create, m_style) + render_value(*new_item, Mark::Create, column, m_style) +
                   ",\n";
    }
}

void DiffWriter::heredoc_lines(std::string& out, const std::string& before, const std::string& after,
                               int column) const {
    auto old_lines = split_lines(before);
    auto new_lines = split_lines(after);
    auto edits = diff_sequences(old_lines.size(), new_lines.size(),
                                [&](std::size_t i, std::size_t j) { return old_lines[i] == new_lines[j]; });
    const int text_column = column + 4;
    auto kept_line = [&](std::size_t index) {
        if (!old_lines[index].empty()) out += std::string(text_column, ' ') + old_lines[index];
        out += "\n";
    };
    for (std::size_t k = 0; k < edits.size();) {
        if (edits[k].op != Edit::Op::Keep) {
            bool removal = edits[k].op == Edit::Op::Remove;
            const auto& text = removal ? old_lines[edits[k].before] : new_lines[edits[k].after];
            out += line_start(text_column, removal ? Mark::Delete : Mark::Create, m_style) + text + "\n";
            ++k;
            continue;
        }
        std::size_t end = k;
        while (end < edits.size() && edits[end].op == Edit::Op::Keep) ++end;
        std::size_t run = end - k;
        std::size_t head = k == 0 ? 0 : std::min(k_context_lines, run);
        std::size_t tail = end == edits.size() ? 0 : std::min(k_context_lines, run - head);
        for (std::size_t i = 0; i < head; ++i) kept_line(edits[k + i].before);
        hidden_line(out, text_column, run - head - tail, "line");
        for (std::size_t i = end - tail; i < end; ++i) kept_line(edits[i].before);
        k = end;
    }
}

}  // namespace plinth::plans
