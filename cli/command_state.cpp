// `plinth state list` and `plinth state show ADDRESS`: inspect recorded state.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <memory>

#include "cli/command.h"
#include "cli/stack_session.h"
#include "plans/render_state.h"

namespace plinth::cli {

namespace {

struct StateOptions {
    CLI::App* list = nullptr;
    CLI::App* show = nullptr;
    std::string address;
};

ExitStatus run_state(const StateOptions& options, Ui& ui) {
    LocalBackend backend(std::filesystem::current_path() / k_default_state_file);
    auto state = backend.read();
    if (!state) return ui.diagnostic(state.error()), ExitStatus::Error;
    if (options.list->parsed()) {
        std::string text;
        for (const auto& [address, resource] : state->resources) text += address + "\n";
        ui.out(text);
        return ExitStatus::Ok;
    }
    auto it = state->resources.find(options.address);
    if (it == state->resources.end()) {
        ui.diagnostic(make_error(fmt::format("no resource `{}` in state", options.address),
                                 "`plinth state list` shows the addresses state holds."));
        return ExitStatus::Error;
    }
    ui.out(plans::render_resource_state(it->second, plans::RenderStyle{ui.color()}));
    return ExitStatus::Ok;
}

}  // namespace

Command make_state_command(CLI::App& parent) {
    auto options = std::make_shared<StateOptions>();
    CLI::App* app = parent.add_subcommand("state", "Inspect state");
    app->require_subcommand(1);
    options->list = app->add_subcommand("list", "List the addresses in state");
    options->show = app->add_subcommand("show", "Show one resource in state");
    options->show->add_option("ADDRESS", options->address, "The resource's address")->required();
    return {app, [options](Ui& ui) { return run_state(*options, ui); }};
}

}  // namespace plinth::cli
