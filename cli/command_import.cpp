// `plinth import ADDRESS ID`: adopts an object that already exists, managed outside plinth until
// now, into state under a resource the stack declares. The next plan compares it with the stack.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <memory>

#include "cli/command.h"
#include "cli/stack_session.h"
#include "cli/terminal.h"

namespace plinth::cli {
namespace {

struct ImportOptions {
    VariableOptions variables;
    LockOptions lock;
    std::string address;
    std::string id;
};

ExitStatus run_import(const ImportOptions& options, Ui& ui) {
    auto session = StackSession::open(ui);
    if (!session) return session.error();
    auto variables = (*session)->resolve_variables(options.variables);
    if (!variables) return variables.error();
    auto lock = (*session)->lock("import", options.lock);
    if (!lock) return lock.error();
    auto state = (*session)->read_state(true);
    if (!state) return state.error();
    auto imported = (*session)->engine().import_resource(*state, options.address, options.id);
    if (!imported) return ui.diagnostics(imported.error()), ExitStatus::Error;
    std::string address = imported->address;
    state->resources.insert_or_assign(address, std::move(*imported));
    if (auto written = (*session)->write_state(*state); written != ExitStatus::Ok) return written;
    ui.out(fmt::format("{} {} (id {}).\nRun `plinth plan` to compare it with the stack.\n",
                       green("Imported", ui.color()), bold(address, ui.color()), options.id));
    return ExitStatus::Ok;
}

}  // namespace

Command make_import_command(CLI::App& parent) {
    auto options = std::make_shared<ImportOptions>();
    CLI::App* app = parent.add_subcommand("import", "Adopt an existing object into state under a declared resource");
    app->add_option("ADDRESS", options->address, "The resource instance, e.g. `web`, `web[0]`, `module.app.web`")
        ->required();
    app->add_option("ID", options->id, "The provider's id for the object")->required();
    add_variable_options(*app, options->variables);
    add_lock_options(*app, options->lock);
    return {app, [options](Ui& ui) { return run_import(*options, ui); }};
}

}  // namespace plinth::cli
