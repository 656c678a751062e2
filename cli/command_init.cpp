// `plinth init`: prepares the stack directory: sets up the `backend:` (cli/backend_init.h),
// checks that every provider `requires:` names is installed in an allowed version, fetches the modules its calls name (from git repositories and
// archives) into .plinth/modules/ and pins them in plinth.lock.yaml, which later runs verify
// without the network. `--upgrade` fetches anew and pins the new revisions.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <memory>

#include "cli/backend_init.h"
#include "cli/command.h"
#include "cli/stack_session.h"
#include "cli/terminal.h"
#include "core/stack/loader.h"
#include "plans/requirements.h"

namespace plinth::cli {

Command make_init_command(CLI::App& parent) {
    CLI::App* app = parent.add_subcommand("init", "Fetch the modules the stack uses and pin them in plinth.lock.yaml");
    struct InitOptions {
        bool upgrade = false;
        BackendInitOptions backend;
    };
    auto options = std::make_shared<InitOptions>();
    app->add_flag("--upgrade", options->upgrade, "Fetch every module anew, ignoring the revisions plinth.lock.yaml pins");
    app->add_flag("--migrate-state", options->backend.migrate_state,
                  "When the backend changed, copy every workspace's state into the new one");
    app->add_flag("--reconfigure", options->backend.reconfigure,
                  "When the backend changed, use it as it is, without looking at the old one's states");
    app->add_flag("--force-copy", options->backend.force_copy,
                  "With --migrate-state, overwrite states the new backend already holds");
    add_lock_options(*app, options->backend.lock);
    return {app, [options](Ui& ui) {
                auto stack = load_stack(".");
                if (!stack) return ui.diagnostics(stack.error()), ExitStatus::Error;
                if (initialize_backend(*stack, options->backend, ui) != ExitStatus::Ok) return ExitStatus::Error;
                auto session = StackSession::open(ui);
                if (!session) return session.error();
                auto required = plans::check_required_providers((*session)->stack().requirements,
                                                                (*session)->registry());
                if (!required) return ui.diagnostics(required.error()), ExitStatus::Error;
                for (const auto& provider : *required)
                    ui.out(fmt::format("- provider {} {} ({})\n", provider.name, provider.version, provider.origin));
                // Module sources may use variables: their defaults, where they have one.
                InstallMode mode = options->upgrade ? InstallMode::Upgrade : InstallMode::Install;
                if ((*session)->open_engine((*session)->default_variables(), mode) != ExitStatus::Ok)
                    return ExitStatus::Error;
                ui.out(green("plinth has been initialized.", ui.color()) +
                       " Modules are in .plinth/modules/ and pinned in plinth.lock.yaml; commit the lock file.\n");
                return ExitStatus::Ok;
            }};
}

}  // namespace plinth::cli
