// `plinth version`: prints plinth's version.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/command.h"
#include "core/version.h"

namespace plinth::cli {

Command make_version_command(CLI::App& parent) {
    CLI::App* app = parent.add_subcommand("version", "Show plinth's version");
    return {app, [](Ui& ui) {
                ui.out(fmt::format("plinth v{}\n", k_version));
                return ExitStatus::Ok;
            }};
}

}  // namespace plinth::cli
