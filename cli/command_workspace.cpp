// `plinth workspace list|show|new|select|delete`: several states for one stack, e.g. one per
// environment. Commands work in the selected workspace; PLINTH_WORKSPACE or --workspace override
// the selection (for CI). Expressions read its name as `${plinth.workspace}`.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fmt/format.h>
#include <memory>

#include "cli/command.h"
#include "cli/options.h"
#include "cli/terminal.h"
#include "cli/workspace_selection.h"
#include "core/state/local_backend.h"
#include "core/state/workspaces.h"

namespace plinth::cli {
namespace {

namespace fs = std::filesystem;

struct WorkspaceOptions {
    CLI::App* list = nullptr;
    CLI::App* show = nullptr;
    CLI::App* create = nullptr;
    CLI::App* select = nullptr;
    CLI::App* remove = nullptr;
    std::string name;
    bool force = false;  // delete a workspace that still has objects
    LockOptions lock;
};

ExitStatus fail(Ui& ui, Diagnostic diagnostic) {
    ui.diagnostic(diagnostic);
    return ExitStatus::Error;
}

ExitStatus create(const WorkspaceOptions& options, const fs::path& dir, Ui& ui) {
    if (auto valid = check_workspace_name(options.name); !valid) return fail(ui, valid.error());
    if (local_workspace_exists(dir, options.name))
        return fail(ui, make_error(fmt::format("workspace `{}` already exists", options.name),
                                   fmt::format("select it with `plinth workspace select {}`", options.name)));
    std::error_code error;
    fs::create_directories(local_state_path(dir, options.name).parent_path(), error);
    if (error) return fail(ui, make_error(fmt::format("cannot create workspace `{}`: {}", options.name, error.message())));
    if (auto recorded = record_selected_workspace(dir, options.name); !recorded) return fail(ui, recorded.error());
    ui.out(fmt::format("Created and selected workspace {}. It starts with an empty state.\n",
                       bold(options.name, ui.color())));
    return ExitStatus::Ok;
}

ExitStatus remove(const WorkspaceOptions& options, const fs::path& dir, Ui& ui) {
    if (options.name == "default")
        return fail(ui, make_error("the default workspace cannot be deleted"));
    if (!local_workspace_exists(dir, options.name))
        return fail(ui, make_error(fmt::format("workspace `{}` does not exist", options.name)));
    auto current = current_workspace(dir);
    if (current && *current == options.name)
        return fail(ui, make_error(fmt::format("workspace `{}` is selected", options.name),
                                   "select another one first (`plinth workspace select default`)"));
    LocalBackend backend(local_state_path(dir, options.name));
    auto timeout = parse_lock_timeout(options.lock);
    if (!timeout) return fail(ui, timeout.error());
    auto lock = backend.lock("workspace delete", *timeout);
    if (!lock) return fail(ui, lock.error());
    auto state = backend.read();
    if (!state) return fail(ui, state.error());
    if (!state->resources.empty() && !options.force)
        return fail(ui, make_error(fmt::format("workspace `{}` still manages {} objects", options.name,
                                               state->resources.size()),
                                   "destroy them first (`plinth destroy` in that workspace), or pass --force to "
                                   "forget them; the objects themselves are not destroyed"));
    lock->reset();
    std::error_code error;
    fs::remove_all(local_state_path(dir, options.name).parent_path(), error);
    if (error) return fail(ui, make_error(fmt::format("cannot delete workspace `{}`: {}", options.name, error.message())));
    ui.out(fmt::format("Deleted workspace {}.\n", bold(options.name, ui.color())));
    return ExitStatus::Ok;
}

ExitStatus run_workspace(const WorkspaceOptions& options, Ui& ui) {
    const fs::path dir = fs::current_path();
    if (options.create->parsed()) return create(options, dir, ui);
    if (options.remove->parsed()) return remove(options, dir, ui);
    if (options.select->parsed()) {
        if (auto valid = check_workspace_name(options.name); !valid) return fail(ui, valid.error());
        if (!local_workspace_exists(dir, options.name))
            return fail(ui, make_error(fmt::format("workspace `{}` does not exist", options.name),
                                       fmt::format("create it with `plinth workspace new {}`", options.name)));
        if (auto recorded = record_selected_workspace(dir, options.name); !recorded) return fail(ui, recorded.error());
        ui.out(fmt::format("Switched to workspace {}.\n", bold(options.name, ui.color())));
        return ExitStatus::Ok;
    }
    auto current = current_workspace(dir);
    if (!current) return fail(ui, current.error());
    if (options.show->parsed()) {
        ui.out(*current + "\n");
        return ExitStatus::Ok;
    }
    std::string text;
    for (const auto& name : local_workspaces(dir)) text += (name == *current ? "* " : "  ") + name + "\n";
    ui.out(text);
    return ExitStatus::Ok;
}

}  // namespace

Command make_workspace_command(CLI::App& parent) {
    auto options = std::make_shared<WorkspaceOptions>();
    CLI::App* app = parent.add_subcommand("workspace", "Manage workspaces: several states for one stack");
    app->require_subcommand(1);
    options->list = app->add_subcommand("list", "List workspaces; the selected one is marked *");
    options->show = app->add_subcommand("show", "Print the selected workspace's name");
    options->create = app->add_subcommand("new", "Create a workspace and select it");
    options->select = app->add_subcommand("select", "Select a workspace");
    options->remove = app->add_subcommand("delete", "Delete a workspace and its state");
    for (CLI::App* named : {options->create, options->select, options->remove})
        named->add_option("NAME", options->name, "The workspace")->required();
    options->remove->add_flag("--force", options->force, "Delete even if its state still manages objects");
    add_lock_options(*options->remove, options->lock);
    return {app, [options](Ui& ui) { return run_workspace(*options, ui); }};
}

}  // namespace plinth::cli
