// `plinth show [PLANFILE]`: the current state, or a saved plan, in human form.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <memory>

#include "cli/command.h"
#include "cli/stack_session.h"
#include "cli/state_codec.h"
#include "cli/workspace_selection.h"
#include "core/state/atomic_file.h"
#include "plans/plan_file.h"
#include "plans/render_state.h"
#include "plans/render_text.h"

namespace plinth::cli {

namespace {

ExitStatus show_plan_file(const std::string& plan_file, Ui& ui) {
    auto content = read_whole_file(plan_file);
    if (!content || !*content)
        return ui.diagnostic(make_error(fmt::format("cannot read {}", plan_file), content ? "" : content.error())),
               ExitStatus::Error;
    // Only an encrypted plan needs the stack: its `encryption:` block has the key.
    CodecPtr codec = std::make_shared<const StateCodec>();
    if (is_encrypted(**content)) {
        auto configured = current_state_codec(ui);
        if (!configured) return configured.error();
        codec = std::move(*configured);
    }
    auto plan = plans::decode_plan(**content, plan_file, *codec);
    if (!plan) return ui.diagnostic(plan.error()), ExitStatus::Error;
    ui.out(plans::render_plan(*plan, plans::RenderStyle{ui.color()}));
    return ExitStatus::Ok;
}

ExitStatus show(const std::string& plan_file, Ui& ui) {
    if (!plan_file.empty()) return show_plan_file(plan_file, ui);
    plans::RenderStyle style{ui.color()};
    auto store = open_current_encrypted_state(ui);
    if (!store) return store.error();
    auto state = (*store)->read();
    if (!state) return ui.diagnostic(state.error()), ExitStatus::Error;
    ui.out(plans::render_state(*state, style));
    return ExitStatus::Ok;
}

}  // namespace

Command make_show_command(CLI::App& parent) {
    auto plan_file = std::make_shared<std::string>();
    CLI::App* app = parent.add_subcommand("show", "Show the state, or a saved plan");
    app->add_option("PLANFILE", *plan_file, "A plan saved by `plinth plan --out`");
    return {app, [plan_file](Ui& ui) { return show(*plan_file, ui); }};
}

}  // namespace plinth::cli
