#include "plans/render_text.h"

#include <algorithm>
#include <fmt/format.h>

#include "core/address.h"
#include "plans/render_diff.h"
#include "plans/render_value.h"

namespace plinth::plans {

namespace {
// Resource blocks: the action symbol ends at column 3, attributes start at column 8.
constexpr int k_change_attribute_column = 8;
constexpr int k_output_column = 4;

std::string action_symbol(Action action, const RenderStyle& style) {
    switch (action) {
    case Action::Create: return "  " + style.green("+");
    case Action::Update: return "  " + style.yellow("~");
    case Action::Delete: return "  " + style.red("-");
    case Action::DeleteThenCreate: return style.red("-") + "/" + style.green("+");
    case Action::CreateThenDelete: return style.green("+") + "/" + style.red("-");
    case Action::NoOp: break;
    }
    return "   ";
}

// "because index [2] is out of range for count" / "because key ["b"] is not in for_each".
std::string instance_gone_reason(const std::string& address) {
    auto parsed = parse_instance_address(address);
    if (parsed && std::holds_alternative<std::int64_t>(parsed->key))
        return fmt::format("because index {} is out of range for count", key_suffix(parsed->key));
    if (parsed) return fmt::format("because key {} is not in for_each", key_suffix(parsed->key));
    return "because its instance is no longer declared";
}

// The "# web will be created" line(s) above a resource block.
std::string change_heading(const ResourceChange& change, const RenderStyle& style) {
    std::string what;
    if (change.reason == ChangeReason::Tainted && is_replace(change.action)) {
        what = "is tainted, so must be replaced";
    } else if (change.reason == ChangeReason::ReplaceTriggered) {
        what = "will be replaced due to changes in replace_triggered_by";
    } else if (change.reason == ChangeReason::ReplaceRequested) {
        what = "will be replaced, as requested";
    } else if (change.reason == ChangeReason::CreateUnconfirmed && change.action == Action::Create) {
        what = "was being created when plinth stopped; it will be created";
    } else {
        switch (change.action) {
        case Action::Create: what = "will be created"; break;
        case Action::Update: what = "will be updated in-place"; break;
        case Action::Delete: what = "will be destroyed"; break;
        default: what = "must be replaced"; break;
        }
    }
    std::string out = "  " + style.bold("# " + change.address) + " " + what + "\n";
    if (change.reason == ChangeReason::RemovedFromStack)
        out += fmt::format("  # (because {} is not in the stack)\n", change.address);
    if (change.reason == ChangeReason::InstanceGone) out += "  # (" + instance_gone_reason(change.address) + ")\n";
    return out;
}

// The `~ resource "type" "name" {` block with the attributes' diff, under `heading`.
std::string render_change_block(const ResourceChange& change, std::string heading, const RenderStyle& style) {
    std::string body;
    DiffWriter diff(style, change.replace_paths, change.secret_changes);
    diff.members(body, change.before, change.after, k_change_attribute_column, false, "attribute", "");
    std::string out = std::move(heading);
    out += fmt::format("{} resource {} {} {{", action_symbol(change.action, style), hcl_quote(change.type),
                       hcl_quote(resource_name(change.address)));
    out += body.empty() ? "}\n" : "\n" + body + "    }\n";
    return out;
}

// A data source read during apply: `<= data "type" "name"` with what the read will fill in.
std::string render_deferred_read(const DataRead& read, const RenderStyle& style) {
    std::string body;
    static const std::vector<std::string> k_none;
    DiffWriter diff(style, k_none);
    diff.members(body, Value(), read.result, k_change_attribute_column, false, "attribute", "");
    std::string out = "  " + style.bold("# " + read.address) + " will be read during apply\n" +
                      "  # (its configuration depends on values known only after apply)\n";
    out += fmt::format(" {} data {} {} {{", style.cyan("<="), hcl_quote(read.type), hcl_quote(resource_name(read.address)));
    out += body.empty() ? "}\n" : "\n" + body + "    }\n";
    return out;
}

std::string render_deferred_blocks(const std::vector<DeferredBlock>& blocks, const RenderStyle& style) {
    std::string out = style.bold("Deferred to apply:") +
                      " these blocks' instances are planned once the values they need exist, in the same apply.\n";
    for (const auto& block : blocks) out += fmt::format("  # {}: {}\n", block.address, block.reason);
    return out;
}

std::string render_output_changes(const std::vector<const OutputChange*>& changes, const RenderStyle& style) {
    std::size_t width = 0;
    for (const auto* change : changes) width = std::max(width, key_text(change->name, false).size());
    std::string out = style.bold("Changes to Outputs:") + "\n";
    static const std::vector<std::string> k_none;
    DiffWriter diff(style, k_none);
    for (const auto* change : changes) {
        Value before = change->before;
        Value after = change->removed ? Value() : change->after;
        if (change->sensitive) {
            if (!before.is_null()) before.mark_sensitive();
            if (!after.is_null()) after.mark_sensitive();
        }
        diff.entry(out, pad(key_text(change->name, false), width), before, after, k_output_column, change->name);
    }
    return out;
}

std::string render_no_changes(const Plan& plan, const RenderStyle& style) {
    if (plan.destroy)
        return style.bold(style.green("No changes.") + " No objects need to be destroyed.") +
               "\n\nEither you have not created any objects yet or the existing objects were already deleted "
               "outside of plinth.\n";
    return style.bold(style.green("No changes.") + " Your infrastructure matches the configuration.") +
           "\n\nplinth has compared your real infrastructure against your configuration and found no "
           "differences, so no changes are needed.\n";
}
}  // namespace

std::string resource_name(const std::string& address) {
    auto parsed = parse_instance_address(address);
    return parsed ? parsed->name : address;
}

std::string render_drift(const std::vector<Drift>& drift, const RenderStyle& style) {
    if (drift.empty()) return {};
    std::string out = style.bold("Note: Objects have changed outside of plinth") +
                      "\n\nplinth detected the following changes made outside of plinth since the last apply:\n";
    for (const auto& object : drift) {
        ResourceChange change;
        change.address = object.address;
        change.type = object.type;
        change.action = object.gone ? Action::Delete : Action::Update;
        change.before = object.before;
        change.after = object.after;
        std::string heading = "  " + style.bold("# " + object.address) +
                              (object.gone ? " has been deleted\n" : " has changed\n");
        out += '\n';
        out += render_change_block(change, std::move(heading), style);
    }
    return out;
}

std::string render_refresh_only_plan(const std::vector<Drift>& drift, const RenderStyle& style) {
    if (drift.empty())
        return style.bold(style.green("No changes.") + " Your objects still match the state.") +
               "\n\nplinth has checked that the real objects match the state; nothing needs updating.\n";
    return render_drift(drift, style) +
           "\nThis is a refresh-only plan: plinth will not change any object to undo these changes. "
           "Applying it (`plinth apply --refresh-only`, or `plinth apply` of the saved plan) records them in "
           "state.\n";
}

std::string plan_summary_line(const Plan::Summary& summary) {
    std::string import = summary.import > 0 ? fmt::format("{} to import, ", summary.import) : "";
    std::string forget = summary.forget > 0 ? fmt::format(", {} to forget", summary.forget) : "";
    return fmt::format("Plan: {}{} to add, {} to change, {} to destroy{}.", import, summary.add, summary.change,
                       summary.destroy, forget);
}

std::string render_change(const ResourceChange& change, const RenderStyle& style) {
    return render_change_block(change, change_heading(change, style), style);
}

std::string render_policy_report(const Plan& plan, const RenderStyle& style) {
    if (plan.policy_checks == 0) return {};
    auto failed = static_cast<int>(plan.policy_failures.size());
    std::string out = fmt::format("{} {} passed, {} failed\n", style.bold("Policy checks:"), plan.policy_checks - failed,
                                  failed);
    for (const auto& failure : plan.policy_failures) {
        std::string level = failure.mandatory ? style.red("mandatory") : style.yellow("advisory");
        out += fmt::format("  {} policy {} on {}: {}\n", level, style.bold(failure.policy), failure.address,
                           failure.message);
    }
    return out;
}

namespace {

// Hands the text on in pieces of about k_piece bytes: the plan of 100,000 changes is tens of
// megabytes, which a string grown to that size would hold up to three times over.
class PieceWriter {
public:
    explicit PieceWriter(const TextSink& sink) : m_sink(sink) {}
    ~PieceWriter() { flush(); }
    PieceWriter& operator+=(std::string_view text) {
        m_buffer += text;
        m_wrote = true;
        if (m_buffer.size() >= k_piece) flush();
        return *this;
    }
    // Whether anything has been written.
    bool empty() const { return !m_wrote; }

private:
    static constexpr std::size_t k_piece = 64 * 1024;
    void flush() {
        if (!m_buffer.empty()) m_sink(m_buffer);
        m_buffer.clear();
    }
    const TextSink& m_sink;
    std::string m_buffer;
    bool m_wrote = false;
};

// The changes alone.
void write_plan_body(const Plan& plan, const RenderStyle& style, const TextSink& sink) {
    if (plan.refresh_only) return sink(render_refresh_only_plan(plan.drift, style));
    std::vector<const ResourceChange*> changes;
    for (const auto& change : plan.changes)
        if (change.action != Action::NoOp) changes.push_back(&change);
    std::vector<const OutputChange*> outputs;
    for (const auto& change : plan.output_changes)
        if (change.changes()) outputs.push_back(&change);
    std::sort(outputs.begin(), outputs.end(), [](const auto* a, const auto* b) { return a->name < b->name; });
    std::vector<const DataRead*> reads;
    for (const auto& read : plan.data_reads)
        if (read.deferred) reads.push_back(&read);
    if (changes.empty() && outputs.empty() && reads.empty() && plan.deferred.empty() && plan.moves.empty() &&
        plan.forgets.empty() && plan.imports.empty())
        return sink(render_no_changes(plan, style));

    PieceWriter out(sink);
    if (!plan.targets.empty())
        out += style.bold("Note: resource targeting is in effect.") +
               " Only the targeted objects and what they need are planned; outputs are left as they are.\n\n";
    if (!plan.excludes.empty())
        out += style.bold("Note: some objects are excluded.") +
               " They and what depends on them are left out of this plan; outputs are left as they are.\n\n";
    if (!changes.empty() || !reads.empty() || !plan.moves.empty() || !plan.forgets.empty() || !plan.imports.empty()) {
        out += "plinth will perform the following actions:\n";
        for (const auto& move : plan.moves)
            out += "\n  " + style.bold("# " + move.from) + " has moved to " + style.bold(move.to) + "\n";
        for (const auto& address : plan.forgets)
            out += "\n  " + style.bold("# " + address) +
                   " will no longer be managed by plinth (removed from state, not destroyed)\n";
        for (const auto& resource : plan.imports)
            out += "\n  " + style.bold("# " + resource.address) + " will be imported\n";
        for (const auto* read : reads) out += "\n" + render_deferred_read(*read, style);
        for (const auto* change : changes) out += "\n" + render_change(*change, style);
        constexpr std::string_view k_label = "Plan:";
        out += "\n" + style.bold(k_label) + plan_summary_line(plan.summary()).substr(k_label.size()) + "\n";
    }
    if (!plan.deferred.empty()) {
        if (!out.empty()) out += "\n";
        out += render_deferred_blocks(plan.deferred, style);
    }
    if (!outputs.empty()) {
        if (!out.empty()) out += "\n";
        out += render_output_changes(outputs, style);
        if (changes.empty())
            out += "\nYou can apply this plan to save these new output values to the plinth state, without "
                   "changing any real infrastructure.\n";
    }
}

}  // namespace

void write_plan(const Plan& plan, const RenderStyle& style, const TextSink& sink) {
    write_plan_body(plan, style, sink);
    if (std::string policies = render_policy_report(plan, style); !policies.empty()) sink("\n" + policies);
}

std::string render_plan(const Plan& plan, const RenderStyle& style) {
    std::string text;
    write_plan(plan, style, [&](std::string_view piece) { text += piece; });
    return text;
}

}  // namespace plinth::plans
