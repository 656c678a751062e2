// `plinth state ...`: inspect and edit recorded state without touching real objects.
// `list [ADDRESS...]` and `show ADDRESS` read it; `pull` prints it as JSON; `mv`, `rm`, `push` and
// `replace-provider` take the lock, edit, and write it atomically (the previous state stays as a
// backup beside it).
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fstream>
#include <memory>
#include <sstream>

#include "cli/command.h"
#include "cli/stack_session.h"
#include "cli/terminal.h"
#include "core/state/state_file.h"
#include "plans/render_state.h"
#include "plans/state_moves.h"
#include "plans/state_surgery.h"

namespace plinth::cli {

namespace {

struct StateOptions {
    LockOptions lock;
    CLI::App* list = nullptr;
    CLI::App* show = nullptr;
    CLI::App* pull = nullptr;
    CLI::App* mv = nullptr;
    CLI::App* rm = nullptr;
    CLI::App* push = nullptr;
    CLI::App* replace_provider = nullptr;
    std::vector<std::string> addresses;  // list filters, rm targets, mv's source and destination
    std::string address;                 // show
    std::string file;                    // push
    bool force = false;                  // push
    std::string from, to;                // replace-provider
};

ExitStatus run_read_only(const StateOptions& options, StackSession& session) {
    Ui& ui = session.ui();
    auto state = session.read_state();
    if (!state) return state.error();
    if (options.pull->parsed()) {
        ui.out(serialize_state(*state));
        return ExitStatus::Ok;
    }
    if (options.list->parsed()) {
        std::string text;
        for (const auto& [address, resource] : state->resources) {
            bool wanted = options.addresses.empty();
            for (const auto& filter : options.addresses) wanted = wanted || plans::address_within(address, filter);
            if (wanted) text += address + "\n";
        }
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

// The state in `file`: JSON as `state pull` prints it, or encrypted (plinth.state.errored.json).
std::expected<State, ExitStatus> read_pushed(const std::string& file, const StateCodec& codec, Ui& ui) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream content;
    if (in) content << in.rdbuf();
    if (!in) {
        ui.diagnostic(make_error(fmt::format("cannot read `{}`", file)));
        return std::unexpected(ExitStatus::Error);
    }
    auto text = codec.decode(content.str(), file);
    if (!text) return ui.diagnostic(text.error()), std::unexpected(ExitStatus::Error);
    auto pushed = parse_state(*text, file);
    if (!pushed) return ui.diagnostic(pushed.error()), std::unexpected(ExitStatus::Error);
    return std::move(*pushed);
}

// The edit a mutating subcommand makes, as lines to report (none: nothing changed); an error
// leaves state as it was.
std::expected<std::vector<std::string>, ExitStatus> edit_state(const StateOptions& options, State& state,
                                                               StackSession& session) {
    Ui& ui = session.ui();
    auto failed = [&](const Diagnostic& error) { return ui.diagnostic(error), std::unexpected(ExitStatus::Error); };
    if (options.mv->parsed()) {
        auto moved = plans::move_in_state(state, options.addresses[0], options.addresses[1]);
        if (!moved) return failed(moved.error());
        std::vector<std::string> lines;
        for (const auto& address : *moved) lines.push_back("Moved to " + address);
        return lines;
    }
    if (options.rm->parsed()) {
        auto removed = plans::remove_from_state(state, options.addresses);
        if (!removed) return failed(removed.error());
        std::vector<std::string> lines;
        for (const auto& address : *removed) lines.push_back("Removed " + address + " (the object itself still exists)");
        return lines;
    }
    if (options.push->parsed()) {
        auto pushed = read_pushed(options.file, session.codec(), ui);
        if (!pushed) return std::unexpected(pushed.error());
        if (!options.force)
            if (auto allowed = plans::check_push(state, *pushed); !allowed) return failed(allowed.error());
        pushed->serial = std::max(pushed->serial, state.serial);
        state = std::move(*pushed);
        return std::vector<std::string>{fmt::format("Pushed {} ({} objects)", options.file, state.resources.size())};
    }
    std::vector<std::string> lines;
    for (const auto& address : plans::replace_provider(state, options.from, options.to))
        lines.push_back(fmt::format("{}: provider {} -> {}", address, options.from, options.to));
    return lines;
}

ExitStatus run_state(const StateOptions& options, Ui& ui) {
    auto session = StackSession::open(ui);
    if (!session) return session.error();
    bool mutating = options.mv->parsed() || options.rm->parsed() || options.push->parsed() ||
                    options.replace_provider->parsed();
    if (!mutating) return run_read_only(options, **session);
    auto lock = (*session)->lock("state", options.lock);
    if (!lock) return lock.error();
    auto state = (*session)->read_state(true);
    if (!state) return state.error();
    auto lines = edit_state(options, *state, **session);
    if (!lines) return lines.error();
    if (lines->empty()) {
        ui.out("No objects matched; state is unchanged.\n");
        return ExitStatus::Ok;
    }
    if (auto written = (*session)->write_state(*state); written != ExitStatus::Ok) return written;
    std::string text;
    for (const auto& line : *lines) text += line + "\n";
    ui.out(text);
    return ExitStatus::Ok;
}

}  // namespace

Command make_state_command(CLI::App& parent) {
    auto options = std::make_shared<StateOptions>();
    CLI::App* app = parent.add_subcommand("state", "Inspect and edit recorded state (objects themselves are not touched)");
    app->require_subcommand(1);
    options->list = app->add_subcommand("list", "List the addresses in state, or those within the given ones");
    options->list->add_option("ADDRESS", options->addresses, "Only objects at or within these addresses");
    options->show = app->add_subcommand("show", "Show one resource in state");
    options->show->add_option("ADDRESS", options->address, "The resource's address")->required();
    options->pull = app->add_subcommand("pull", "Print the state as JSON");
    options->mv = app->add_subcommand("mv", "Rename objects in state: an instance, a resource or a module");
    options->mv->add_option("SOURCE DESTINATION", options->addresses, "Where the objects are, and where they go")
        ->required()
        ->expected(2);
    options->rm = app->add_subcommand("rm", "Forget objects without destroying them");
    options->rm->add_option("ADDRESS", options->addresses, "Instances, resources or modules to forget")->required();
    options->push = app->add_subcommand("push", "Replace the state with a state file");
    options->push->add_option("FILE", options->file, "A state file, e.g. one `state pull` wrote")->required();
    options->push->add_flag("--force", options->force, "Push even a state of another lineage or an older serial");
    options->replace_provider =
        app->add_subcommand("replace-provider", "Record objects of one provider configuration under another");
    options->replace_provider->add_option("FROM", options->from, "The configuration objects name now")->required();
    options->replace_provider->add_option("TO", options->to, "The configuration they should name")->required();
    for (CLI::App* editing : {options->mv, options->rm, options->push, options->replace_provider})
        add_lock_options(*editing, options->lock);
    return {app, [options](Ui& ui) { return run_state(*options, ui); }};
}

}  // namespace plinth::cli
