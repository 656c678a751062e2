#include "cli/unified_diff.h"

#include <fmt/format.h>
#include <vector>

#include "plans/sequence_diff.h"

namespace plinth::cli {
namespace {

constexpr std::size_t k_context = 3;

struct TextLines {
    std::vector<std::string_view> lines;
    bool final_newline = true;
};

TextLines split(std::string_view text) {
    TextLines result;
    result.final_newline = text.empty() || text.back() == '\n';
    while (!text.empty()) {
        std::size_t end = text.find('\n');
        result.lines.push_back(text.substr(0, end));
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return result;
}

// "start,count" of a hunk's side; an empty side names the line before it, as diff does.
std::string range(std::size_t start, std::size_t count) {
    if (count == 1) return fmt::format("{}", start + 1);
    return fmt::format("{},{}", count == 0 ? start : start + 1, count);
}

// One line of a hunk: its sign and text, and diff's note when the text has no final newline.
std::string hunk_line(char sign, const TextLines& text, std::size_t index) {
    std::string line = fmt::format("{}{}\n", sign, text.lines[index]);
    if (index + 1 == text.lines.size() && !text.final_newline) line += "\\ No newline at end of file\n";
    return line;
}

// Edits [first, last) as one hunk.
std::string hunk(const TextLines& before, const TextLines& after, const std::vector<plans::Edit>& edits,
                 std::size_t first, std::size_t last) {
    std::size_t before_start = 0;
    std::size_t after_start = 0;
    for (std::size_t i = 0; i < first; ++i) {
        before_start += edits[i].op != plans::Edit::Op::Insert;
        after_start += edits[i].op != plans::Edit::Op::Remove;
    }
    std::string body;
    std::size_t before_count = 0;
    std::size_t after_count = 0;
    for (std::size_t i = first; i < last; ++i) {
        const plans::Edit& edit = edits[i];
        switch (edit.op) {
            case plans::Edit::Op::Keep: body += hunk_line(' ', before, edit.before); break;
            case plans::Edit::Op::Remove: body += hunk_line('-', before, edit.before); break;
            case plans::Edit::Op::Insert: body += hunk_line('+', after, edit.after); break;
        }
        before_count += edit.op != plans::Edit::Op::Insert;
        after_count += edit.op != plans::Edit::Op::Remove;
    }
    return fmt::format("@@ -{} +{} @@\n{}", range(before_start, before_count), range(after_start, after_count), body);
}

}  // namespace

std::string unified_diff(std::string_view before_name, std::string_view after_name, std::string_view before,
                         std::string_view after) {
    if (before == after) return {};
    TextLines old_lines = split(before);
    TextLines new_lines = split(after);
    auto edits =
        plans::diff_sequences(old_lines.lines.size(), new_lines.lines.size(), [&](std::size_t i, std::size_t j) {
            bool last_old = i + 1 == old_lines.lines.size() && !old_lines.final_newline;
            bool last_new = j + 1 == new_lines.lines.size() && !new_lines.final_newline;
            return old_lines.lines[i] == new_lines.lines[j] && last_old == last_new;
        });
    std::vector<std::size_t> changes;
    for (std::size_t i = 0; i < edits.size(); ++i)
        if (edits[i].op != plans::Edit::Op::Keep) changes.push_back(i);
    std::string diff = fmt::format("--- {}\n+++ {}\n", before_name, after_name);
    // Changes closer than twice the context share a hunk.
    for (std::size_t c = 0; c < changes.size();) {
        std::size_t last = c;
        while (last + 1 < changes.size() && changes[last + 1] - changes[last] <= 2 * k_context) ++last;
        std::size_t first_edit = changes[c] >= k_context ? changes[c] - k_context : 0;
        std::size_t end_edit = std::min(edits.size(), changes[last] + k_context + 1);
        diff += hunk(old_lines, new_lines, edits, first_edit, end_edit);
        c = last + 1;
    }
    return diff;
}

}  // namespace plinth::cli
