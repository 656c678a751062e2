// `plinth workspace list|show|new|select|delete`: several states for one stack, e.g. one per
// environment. Commands work in the selected workspace; PLINTH_WORKSPACE or --workspace override
// the selection (for CI). Expressions read its name as `${plinth.workspace}`.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fmt/format.h>
#include <memory>

#include "cli/command.h"
#include "cli/options.h"
#include "cli/state_codec.h"
#include "cli/terminal.h"
#include "cli/workspace_selection.h"
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

std::expected<void, Diagnostic> require_exists(Backend& backend, const std::string& name, bool wanted) {
    auto exists = backend.has_workspace(name);
    if (!exists) return std::unexpected(exists.error());
    if (*exists == wanted) return {};
    if (wanted)
        return std::unexpected(make_error(fmt::format("workspace `{}` does not exist", name),
                                          fmt::format("create it with `plinth workspace new {}`", name)));
    return std::unexpected(make_error(fmt::format("workspace `{}` already exists", name),
                                      fmt::format("select it with `plinth workspace select {}`", name)));
}

// A new workspace starts with an empty state, stored at once so that every backend lists it.
ExitStatus create(const WorkspaceOptions& options, Backend& backend, const fs::path& dir, Ui& ui) {
    if (auto valid = check_workspace_name(options.name); !valid) return fail(ui, valid.error());
    if (auto absent = require_exists(backend, options.name, false); !absent) return fail(ui, absent.error());
    auto store = open_encrypted_state(ui, backend, dir, options.name);
    if (!store) return store.error();
    auto timeout = parse_lock_timeout(options.lock);
    if (!timeout) return fail(ui, timeout.error());
    auto lock = (*store)->lock("workspace new", *timeout);
    if (!lock) return fail(ui, lock.error());
    if (auto written = (*store)->write(State::fresh()); !written) return fail(ui, written.error());
    lock->reset();
    if (auto recorded = record_selected_workspace(dir, options.name); !recorded) return fail(ui, recorded.error());
    ui.out(fmt::format("Created and selected workspace {}. It starts with an empty state.\n",
                       bold(options.name, ui.color())));
    return ExitStatus::Ok;
}

ExitStatus remove(const WorkspaceOptions& options, Backend& backend, const fs::path& dir, Ui& ui) {
    if (options.name == "default")
        return fail(ui, make_error("the default workspace cannot be deleted"));
    if (auto present = require_exists(backend, options.name, true); !present) return fail(ui, present.error());
    auto current = current_workspace(dir, backend);
    if (current && *current == options.name)
        return fail(ui, make_error(fmt::format("workspace `{}` is selected", options.name),
                                   "select another one first (`plinth workspace select default`)"));
    auto store = open_encrypted_state(ui, backend, dir, options.name);
    if (!store) return store.error();
    auto timeout = parse_lock_timeout(options.lock);
    if (!timeout) return fail(ui, timeout.error());
    auto lock = (*store)->lock("workspace delete", *timeout);
    if (!lock) return fail(ui, lock.error());
    auto state = (*store)->read();
    if (!state) return fail(ui, state.error());
    if (!state->resources.empty() && !options.force)
        return fail(ui, make_error(fmt::format("workspace `{}` still manages {} objects", options.name,
                                               state->resources.size()),
                                   "destroy them first (`plinth destroy` in that workspace), or pass --force to "
                                   "forget them; the objects themselves are not destroyed"));
    lock->reset();
    if (auto deleted = backend.delete_workspace(options.name); !deleted) return fail(ui, deleted.error());
    ui.out(fmt::format("Deleted workspace {}.\n", bold(options.name, ui.color())));
    return ExitStatus::Ok;
}

ExitStatus run_workspace(const WorkspaceOptions& options, Ui& ui) {
    const fs::path dir = fs::current_path();
    auto backend = open_active_backend(dir);
    if (!backend) return fail(ui, backend.error());
    if (options.create->parsed()) return create(options, **backend, dir, ui);
    if (options.remove->parsed()) return remove(options, **backend, dir, ui);
    if (options.select->parsed()) {
        if (auto valid = check_workspace_name(options.name); !valid) return fail(ui, valid.error());
        if (auto present = require_exists(**backend, options.name, true); !present) return fail(ui, present.error());
        if (auto recorded = record_selected_workspace(dir, options.name); !recorded) return fail(ui, recorded.error());
        ui.out(fmt::format("Switched to workspace {}.\n", bold(options.name, ui.color())));
        return ExitStatus::Ok;
    }
    auto current = current_workspace(dir, **backend);
    if (!current) return fail(ui, current.error());
    if (options.show->parsed()) {
        ui.out(*current + "\n");
        return ExitStatus::Ok;
    }
    auto names = (*backend)->workspaces();
    if (!names) return fail(ui, names.error());
    std::string text;
    for (const auto& name : *names) text += (name == *current ? "* " : "  ") + name + "\n";
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
    add_lock_options(*options->create, options->lock);
    return {app, [options](Ui& ui) { return run_workspace(*options, ui); }};
}

}  // namespace plinth::cli
