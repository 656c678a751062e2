#include "cli/app.h"

#include <CLI/CLI.hpp>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>

#include "cli/command.h"
#include "cli/options.h"
#include "cli/terminal.h"

namespace plinth::cli {

namespace {

constexpr std::array<CommandFactory, 17> k_commands = {
    make_init_command,         make_validate_command,  make_fmt_command,       make_plan_command,
    make_apply_command,        make_destroy_command,   make_refresh_command,   make_show_command,
    make_graph_command,        make_output_command,    make_state_command,     make_import_command,
    make_providers_command,    make_workspace_command, make_force_unlock_command, make_version_command,
    make_completion_command,
};

ExitStatus run_selected(const std::vector<Command>& commands, const GlobalOptions& globals) {
    if (!globals.chdir.empty()) {
        std::error_code error;
        std::filesystem::current_path(globals.chdir, error);
        if (error) {
            std::cerr << fmt::format("Error: cannot change directory to {}: {}\n", globals.chdir, error.message());
            return ExitStatus::Error;
        }
    }
    // Commands read the workspace from the environment, as CI sets it.
    if (!globals.workspace.empty()) ::setenv("PLINTH_WORKSPACE", globals.workspace.c_str(), 1);
    Ui ui(use_color(globals.no_color));
    for (const auto& command : commands)
        if (command.app->parsed()) return command.run(ui);
    return ExitStatus::Error;
}

}  // namespace

int run(int argc, char** argv) {
    CLI::App app{"plinth: infrastructure as code, planned and applied from YAML stacks", "plinth"};
    app.require_subcommand(1);
    GlobalOptions globals;
    app.add_option("--chdir", globals.chdir, "Switch to this stack directory before anything else");
    app.add_flag("--no-color", globals.no_color, "Never colour the output (also: NO_COLOR)");
    app.add_option("--workspace", globals.workspace, "Work in this workspace instead of the selected one (also: PLINTH_WORKSPACE)");
    app.fallthrough();  // global options may also follow the command: `plinth plan --workspace ci`

    std::vector<Command> commands;
    for (CommandFactory factory : k_commands) commands.push_back(factory(app));

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& help) {
        return app.exit(help);
    } catch (const CLI::CallForAllHelp& help) {
        return app.exit(help);
    } catch (const CLI::ParseError& error) {
        app.exit(error);
        return to_int(ExitStatus::Error);
    }
    try {
        return to_int(run_selected(commands, globals));
    } catch (const std::exception& error) {
        std::cerr << "Error: " << error.what() << "\n";
        return to_int(ExitStatus::Error);
    }
}

}  // namespace plinth::cli
