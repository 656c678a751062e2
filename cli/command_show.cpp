// `plinth show [--json] [PLANFILE]`: the current state, or a saved plan, in human form or in
// Terraform's JSON representations.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <memory>

#include "cli/command.h"
#include "cli/stack_session.h"
#include "cli/state_codec.h"
#include "cli/workspace_selection.h"
#include "core/state/atomic_file.h"
#include "plans/plan_file.h"
#include "plans/render_plan_json.h"
#include "plans/render_state.h"
#include "plans/render_text.h"

namespace plinth::cli {

namespace {

struct ShowOptions {
    std::string plan_file;
    bool json = false;  // Terraform's JSON plan or state representation
};

ExitStatus show_plan_file(const ShowOptions& options, Ui& ui) {
    const std::string& plan_file = options.plan_file;
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
    ui.out(options.json ? plans::render_plan_json(*plan) : plans::render_plan(*plan, plans::RenderStyle{ui.color()}));
    return ExitStatus::Ok;
}

ExitStatus show(const ShowOptions& options, Ui& ui) {
    if (!options.plan_file.empty()) return show_plan_file(options, ui);
    plans::RenderStyle style{ui.color()};
    auto store = open_current_encrypted_state(ui);
    if (!store) return store.error();
    auto state = (*store)->read();
    if (!state) return ui.diagnostic(state.error()), ExitStatus::Error;
    ui.out(options.json ? plans::render_state_json(*state) : plans::render_state(*state, style));
    return ExitStatus::Ok;
}

}  // namespace

Command make_show_command(CLI::App& parent) {
    auto options = std::make_shared<ShowOptions>();
    CLI::App* app = parent.add_subcommand("show", "Show the state, or a saved plan");
    app->add_option("PLANFILE", options->plan_file, "A plan saved by `plinth plan --out`");
    app->add_flag("--json", options->json,
                  "As JSON in Terraform's plan (or state) representation, for policy, cost and review tools");
    return {app, [options](Ui& ui) { return show(*options, ui); }};
}

}  // namespace plinth::cli
