// plans/render_diff.h: the difference between two values as Terraform shows it in a plan: changed
// members marked + ~ -, unchanged ones hidden behind a count, lists diffed element by element,
// heredocs line by line, and the attributes that force a replacement annotated.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"
#include "plans/render_style.h"

namespace plinth::plans {

class DiffWriter {
public:
    // `forced` holds paths ("content", "tags.env", "rules[0]") whose change forces replacement;
    // `secret_changes` those of sensitive values left out of a saved plan that differ.
    DiffWriter(const RenderStyle& style, const std::vector<std::string>& forced,
               const std::vector<std::string>& secret_changes = {})
        : m_style(style), m_forced(forced), m_secret_changes(secret_changes) {}

    enum class Outcome {
        Absent,     // null on both sides: not shown and not counted
        Unchanged,  // equal on both sides: hidden, to be counted by the caller
        Shown,
    };

    // One line group "<key> = <value>" at `column` (key already padded) for a member going from
    // `before` to `after`; null on one side means created or destroyed.
    Outcome entry(std::string& out, std::string_view key, const Value& before, const Value& after,
                  int column, const std::string& path) const;

    // The members of two maps (null counts as empty) as entries at `column`, then one
    // "# (N unchanged <noun>s hidden)" line. Keys are quoted when `quote_keys` (map elements)
    // and bare when they are attribute names.
    void members(std::string& out, const Value& before, const Value& after, int column, bool quote_keys,
                 std::string_view noun, const std::string& path) const;

private:
    std::string update_text(const Value& before, const Value& after, int column, const std::string& path,
                            std::string_view suffix) const;
    void list_elements(std::string& out, const ValueList& before, const ValueList& after, int column,
                       const std::string& path) const;
    void list_stretch(std::string& out, const std::vector<const Value*>& removed,
                      const std::vector<std::pair<const Value*, std::size_t>>& inserted, int column,
                      const std::string& path) const;
    void heredoc_lines(std::string& out, const std::string& before, const std::string& after, int column) const;
    void hidden_line(std::string& out, int column, std::size_t count, std::string_view noun) const;
    std::string note(const std::string& path) const;

    const RenderStyle& m_style;
    const std::vector<std::string>& m_forced;
    std::vector<std::string> m_secret_changes;  // few: copied, so the default may be a temporary
};

}  // namespace plinth::plans
