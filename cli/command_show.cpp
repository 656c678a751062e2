// `plinth show [--format text|json|markdown] [PLANFILE]`: the current state, or a saved plan, in
// human form, in Terraform's JSON representations, or (a plan) as Markdown for pull requests.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <memory>

#include "cli/command.h"
#include "cli/stack_session.h"
#include "cli/state_codec.h"
#include "cli/workspace_selection.h"
#include "plans/render_markdown.h"
#include "plans/render_plan_json.h"
#include "plans/render_state.h"
#include "plans/render_text.h"

namespace plinth::cli {

namespace {

struct ShowOptions {
    std::string plan_file;
    std::string format = "text";  // text, json (Terraform's representations) or markdown (plans only)
    bool json = false;            // --json: --format json
    bool as_json() const { return json || format == "json"; }
};

ExitStatus show_plan_file(const ShowOptions& options, Ui& ui) {
    auto plan = read_saved_plan(ui, options.plan_file);
    if (!plan) return plan.error();
    if (options.as_json()) ui.out(plans::render_plan_json(*plan));
    else if (options.format == "markdown") ui.out(plans::render_plan_markdown(*plan));
    else ui.out(plans::render_plan(*plan, plans::RenderStyle{ui.color()}));
    return ExitStatus::Ok;
}

ExitStatus show(const ShowOptions& options, Ui& ui) {
    if (!options.plan_file.empty()) return show_plan_file(options, ui);
    if (options.format == "markdown")
        return ui.diagnostic(make_error("--format markdown shows a saved plan",
                                        "save one with `plinth plan --out plan.bin`, then `plinth show --format "
                                        "markdown plan.bin`")),
               ExitStatus::Error;
    plans::RenderStyle style{ui.color()};
    auto store = open_current_encrypted_state(ui);
    if (!store) return store.error();
    auto state = (*store)->read();
    if (!state) return ui.diagnostic(state.error()), ExitStatus::Error;
    ui.out(options.as_json() ? plans::render_state_json(*state) : plans::render_state(*state, style));
    return ExitStatus::Ok;
}

}  // namespace

Command make_show_command(CLI::App& parent) {
    auto options = std::make_shared<ShowOptions>();
    CLI::App* app = parent.add_subcommand("show", "Show the state, or a saved plan");
    app->add_option("PLANFILE", options->plan_file, "A plan saved by `plinth plan --out`");
    app->add_option("--format", options->format,
                    "text; json: Terraform's JSON plan (or state) representation, for policy, cost and review "
                    "tools; markdown: a plan summary for pull-request comments")
        ->check(CLI::IsMember({"text", "json", "markdown"}))
        ->default_str("text");
    app->add_flag("--json", options->json, "The same as --format json");
    return {app, [options](Ui& ui) { return show(*options, ui); }};
}

}  // namespace plinth::cli
