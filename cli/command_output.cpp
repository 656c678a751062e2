// `plinth output [NAME] [--json|--raw]`: the stack's outputs from state. Sensitive values are
// masked unless asked for by --json or --raw.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <memory>

#include "cli/command.h"
#include "cli/stack_session.h"
#include "cli/state_codec.h"
#include "core/value_json.h"
#include "plans/render_state.h"

namespace plinth::cli {

namespace {

struct OutputOptions {
    std::string name;
    bool json = false;
    bool raw = false;
};

ExitStatus show_one(const OutputOptions& options, const OutputState& output, Ui& ui) {
    if (options.json) {
        ui.out(to_json(output.value).dump(2) + "\n");
    } else if (options.raw) {
        if (output.value.is_list() || output.value.is_map()) {
            ui.diagnostic(make_error(fmt::format("output `{}` is a {}; --raw prints only strings, numbers and bools",
                                                 options.name, kind_name(output.value.kind())),
                                     "Use --json for lists and maps."));
            return ExitStatus::Error;
        }
        ui.out(plans::render_output_raw(output.value));
    } else {
        ui.out((output.sensitive ? std::string("(sensitive value)") : to_display(output.value)) + "\n");
    }
    return ExitStatus::Ok;
}

ExitStatus run_output(const OutputOptions& options, Ui& ui) {
    auto store = open_current_encrypted_state(ui);
    if (!store) return store.error();
    auto state = (*store)->read();
    if (!state) return ui.diagnostic(state.error()), ExitStatus::Error;
    if (options.name.empty()) {
        if (options.json) ui.out(plans::outputs_to_json(state->outputs).dump(2) + "\n");
        else ui.out(plans::render_outputs(state->outputs, plans::RenderStyle{ui.color()}));
        return ExitStatus::Ok;
    }
    auto it = state->outputs.find(options.name);
    if (it == state->outputs.end()) {
        ui.diagnostic(make_error(fmt::format("output `{}` not found", options.name),
                                 "The state has no output of that name. Apply the stack first, or check the name."));
        return ExitStatus::Error;
    }
    return show_one(options, it->second, ui);
}

}  // namespace

Command make_output_command(CLI::App& parent) {
    auto options = std::make_shared<OutputOptions>();
    CLI::App* app = parent.add_subcommand("output", "Print outputs from state");
    app->add_option("NAME", options->name, "Only this output");
    auto* json = app->add_flag("--json", options->json, "Print as JSON (sensitive values shown)");
    app->add_flag("--raw", options->raw, "Print one output's value alone (sensitive values shown)")->excludes(json);
    return {app, [options](Ui& ui) { return run_output(*options, ui); }};
}

}  // namespace plinth::cli
