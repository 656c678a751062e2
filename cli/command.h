// cli/command.h: the shape every subcommand takes. A factory adds its CLI11 subcommand with an
// options struct it owns and returns the function that runs it once parsing is done (after
// --chdir has been applied). app.cpp lists the factories in one table.
#pragma once

#include <functional>

#include "cli/exit_status.h"
#include "cli/ui.h"

namespace CLI {
class App;
}

namespace plinth::cli {

struct Command {
    CLI::App* app = nullptr;
    std::function<ExitStatus(Ui&)> run;
};

using CommandFactory = Command (*)(CLI::App& parent);

Command make_init_command(CLI::App& parent);
Command make_validate_command(CLI::App& parent);
Command make_fmt_command(CLI::App& parent);
Command make_plan_command(CLI::App& parent);
Command make_apply_command(CLI::App& parent);
Command make_destroy_command(CLI::App& parent);
Command make_refresh_command(CLI::App& parent);
Command make_graph_command(CLI::App& parent);
Command make_completion_command(CLI::App& parent);
Command make_show_command(CLI::App& parent);
Command make_output_command(CLI::App& parent);
Command make_state_command(CLI::App& parent);
Command make_import_command(CLI::App& parent);
Command make_providers_command(CLI::App& parent);
Command make_workspace_command(CLI::App& parent);
Command make_force_unlock_command(CLI::App& parent);
Command make_version_command(CLI::App& parent);

}  // namespace plinth::cli
