// `plinth force-unlock LOCK_ID`: releases the state lock of the current workspace that a run
// which will never finish holds (a hung process, a CI job killed with its lock in a remote
// backend). The ID must be the current lock's, as the "Error acquiring the state lock" message
// shows it, so a lock taken since is never broken by mistake.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <memory>

#include "cli/command.h"
#include "cli/run_steps.h"
#include "cli/terminal.h"
#include "cli/workspace_selection.h"

namespace plinth::cli {

namespace {

struct ForceUnlockOptions {
    std::string lock_id;
    bool force = false;  // no question
};

ExitStatus force_unlock(const ForceUnlockOptions& options, Ui& ui) {
    auto store = open_current_state(std::filesystem::current_path());
    if (!store) return ui.diagnostic(store.error()), ExitStatus::Error;
    if (!options.force) {
        if (!stdin_is_terminal())
            return ui.diagnostic(make_error("no terminal to ask for confirmation",
                                            "Run `plinth force-unlock --force LOCK_ID` to release the lock.")),
                   ExitStatus::Error;
        if (!confirm(ui, fmt::format("Release the lock {} on {}?", options.lock_id, (*store)->describe()),
                     "A run still holding it could then write state at the same time as another. Only release it "
                     "when that run is gone.",
                     false))
            return ExitStatus::Error;
    }
    if (auto released = (*store)->force_unlock(options.lock_id); !released)
        return ui.diagnostic(released.error()), ExitStatus::Error;
    ui.out(fmt::format("{} The state of {} is unlocked.\n", green("Released.", ui.color()), (*store)->describe()));
    return ExitStatus::Ok;
}

}  // namespace

Command make_force_unlock_command(CLI::App& parent) {
    auto options = std::make_shared<ForceUnlockOptions>();
    CLI::App* app = parent.add_subcommand("force-unlock", "Release a state lock that a run left behind");
    app->add_option("LOCK_ID", options->lock_id, "The lock's ID, as the lock error shows it")->required();
    app->add_flag("--force", options->force, "Do not ask for confirmation");
    return {app, [options](Ui& ui) { return force_unlock(*options, ui); }};
}

}  // namespace plinth::cli
