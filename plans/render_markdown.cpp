#include "plans/render_markdown.h"

#include <algorithm>
#include <fmt/format.h>

#include "plans/render_text.h"

namespace plinth::plans {
namespace {

struct Group {
    const char* title;  // "Destroy"
    const char* icon;   // "🗑️"
    std::vector<const ResourceChange*> changes;
};

// Text inside a table cell: `|` would end the cell, a newline the row.
std::string cell(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '|') out += "\\|";
        else if (c == '\n') out += ' ';
        else out += c;
    }
    return out;
}

// Text inside HTML (the <summary> line).
std::string html(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out += c;
    }
    return out;
}

// `text` in a code block whose fence is longer than any run of backticks inside it.
std::string code_block(const std::string& text) {
    std::size_t longest = 0;
    std::size_t run = 0;
    for (char c : text) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    std::string fence(std::max<std::size_t>(3, longest + 1), '`');
    return fence + "\n" + text + (text.ends_with('\n') ? "" : "\n") + fence + "\n";
}

std::string why(const ResourceChange& change) {
    switch (change.reason) {
    case ChangeReason::Tainted: return "tainted";
    case ChangeReason::CreateUnconfirmed: return "create unconfirmed after a crash";
    case ChangeReason::RemovedFromStack: return "no longer in the stack";
    case ChangeReason::InstanceGone: return "instance no longer declared";
    case ChangeReason::ReplaceTriggered: return "replace_triggered_by";
    case ChangeReason::ReplaceRequested: return "--replace";
    case ChangeReason::None: break;
    }
    if (change.replace_paths.empty()) return "";
    std::string forced;
    for (const auto& path : change.replace_paths) forced += (forced.empty() ? "`" : ", `") + path + "`";
    return forced + " forces replacement";
}

std::string headline(const Plan& plan) {
    if (plan.refresh_only)
        return plan.drift.empty() ? "No changes. Your objects still match the state."
                                  : fmt::format("Refresh only: {} objects changed outside plinth.", plan.drift.size());
    if (!plan.has_changes()) return "No changes. Your infrastructure matches the configuration.";
    return plan_summary_line(plan.summary());
}

std::string changes_section(const Plan& plan) {
    Group groups[] = {{"Destroy", "🗑️", {}}, {"Replace", "♻️", {}}, {"Update", "✏️", {}}, {"Create", "➕", {}}};
    for (const auto& change : plan.changes) {
        switch (change.action) {
        case Action::Delete: groups[0].changes.push_back(&change); break;
        case Action::DeleteThenCreate:
        case Action::CreateThenDelete: groups[1].changes.push_back(&change); break;
        case Action::Update: groups[2].changes.push_back(&change); break;
        case Action::Create: groups[3].changes.push_back(&change); break;
        case Action::NoOp: break;
        }
    }
    std::string out;
    for (const auto& group : groups) {
        if (group.changes.empty()) continue;
        out += fmt::format("\n#### {} {} ({})\n\n| Resource | Type | Why |\n| --- | --- | --- |\n", group.icon,
                           group.title, group.changes.size());
        for (const auto* change : group.changes)
            out += fmt::format("| `{}` | `{}` | {} |\n", cell(change->address), cell(change->type), cell(why(*change)));
    }
    if (!plan.imports.empty() || !plan.moves.empty() || !plan.forgets.empty()) {
        out += "\n#### 📦 State only\n\n| Resource | What |\n| --- | --- |\n";
        for (const auto& resource : plan.imports)
            out += fmt::format("| `{}` | imported (id `{}`) |\n", cell(resource.address), cell(resource.id));
        for (const auto& move : plan.moves)
            out += fmt::format("| `{}` | moved from `{}` |\n", cell(move.to), cell(move.from));
        for (const auto& address : plan.forgets)
            out += fmt::format("| `{}` | forgotten: removed from state, not destroyed |\n", cell(address));
    }
    return out;
}

std::string outputs_section(const Plan& plan) {
    std::string rows;
    for (const auto& output : plan.output_changes) {
        std::string_view action = output.removed                     ? "removed"
                                  : output.before.is_null()           ? "added"
                                  : !output.changes()                  ? ""
                                                                       : "changed";
        if (!action.empty())
            rows += fmt::format("| `{}` | {}{} |\n", cell(output.name), action, output.sensitive ? " (sensitive)" : "");
    }
    return rows.empty() ? "" : "\n#### Outputs\n\n| Output | Change |\n| --- | --- |\n" + rows;
}

std::string policies_section(const Plan& plan) {
    if (plan.policy_checks == 0) return "";
    auto failed = plan.policy_failures.size();
    std::string out = fmt::format("\n#### 🛡️ Policies: {} passed, {} failed\n", plan.policy_checks - failed, failed);
    if (failed == 0) return out;
    out += "\n| Policy | Resource | Enforcement | Message |\n| --- | --- | --- | --- |\n";
    for (const auto& failure : plan.policy_failures)
        out += fmt::format("| `{}` | `{}` | {} | {} |\n", cell(failure.policy), cell(failure.address),
                           failure.mandatory ? "❌ mandatory" : "⚠️ advisory", cell(failure.message));
    return out;
}

std::string details_section(const Plan& plan) {
    RenderStyle plain{false};
    std::string out;
    for (const auto& change : plan.changes) {
        if (change.action == Action::NoOp) continue;
        out += fmt::format("\n<details><summary><code>{}</code> ({})</summary>\n\n", html(change.address),
                           html(change.type));
        out += code_block(render_change(change, plain)) + "\n</details>\n";
    }
    if (plan.refresh_only && !plan.drift.empty())
        out += "\n<details><summary>Changed outside plinth</summary>\n\n" + code_block(render_drift(plan.drift, plain)) +
               "\n</details>\n";
    return out;
}

}  // namespace

std::string render_plan_markdown(const Plan& plan) {
    std::string out = "### plinth plan";
    if (plan.workspace != k_default_workspace) out += fmt::format(" (workspace `{}`)", cell(plan.workspace));
    out += "\n\n**" + headline(plan) + "**\n";
    if (plan.destroy) out += "\nThis plan destroys everything the stack manages.\n";
    out += changes_section(plan);
    out += outputs_section(plan);
    out += policies_section(plan);
    std::string details = details_section(plan);
    if (!details.empty()) out += "\n#### Details\n" + details;
    return out;
}

}  // namespace plinth::plans
