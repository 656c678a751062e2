#include "cli/backend_init.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/state_codec.h"
#include "cli/terminal.h"
#include "core/backends/backend_factory.h"
#include "core/backends/backend_record.h"

namespace plinth::cli {

namespace {

ExitStatus fail(Ui& ui, const Diagnostic& diagnostic) {
    ui.diagnostic(diagnostic);
    return ExitStatus::Error;
}

bool holds_anything(const State& state) { return !state.resources.empty() || !state.outputs.empty(); }

// `workspace`'s state store in `backend`, encrypted as the stack's `encryption:` says.
std::expected<std::unique_ptr<StateStore>, Diagnostic> open_store(Backend& backend, const Stack& stack,
                                                                  const std::string& workspace) {
    auto codec = available_state_codec(stack, VariableOptions{}, workspace);
    if (!codec) return std::unexpected(codec.error()[0]);
    auto store = backend.open(workspace);
    if (store) (*store)->use_codec(std::move(*codec));
    return store;
}

// The workspaces of `backend` whose state holds resources or outputs.
std::expected<std::vector<std::string>, Diagnostic> workspaces_with_state(Backend& backend, const Stack& stack) {
    auto names = backend.workspaces();
    if (!names) return names;
    std::vector<std::string> found;
    for (const auto& name : *names) {
        auto store = open_store(backend, stack, name);
        if (!store) return std::unexpected(store.error());
        auto state = (*store)->read();
        if (!state) return std::unexpected(state.error());
        if (holds_anything(*state)) found.push_back(name);
    }
    return found;
}

// Copies `workspace`'s state from `from` to `to`, both locked, keeping lineage and serial.
std::expected<State, Diagnostic> copy_workspace(Backend& from, Backend& to, const Stack& stack,
                                                const std::string& workspace, const BackendInitOptions& options,
                                                std::chrono::milliseconds timeout) {
    auto source = open_store(from, stack, workspace);
    if (!source) return std::unexpected(source.error());
    auto target = open_store(to, stack, workspace);
    if (!target) return std::unexpected(target.error());
    if ((*source)->describe() == (*target)->describe()) return (*source)->read();  // one store for both
    auto source_lock = (*source)->lock("migrate-state", timeout);
    if (!source_lock) return std::unexpected(source_lock.error());
    auto target_lock = (*target)->lock("migrate-state", timeout);
    if (!target_lock) return std::unexpected(target_lock.error());
    auto state = (*source)->read();
    if (!state) return state;
    auto existing = (*target)->read();
    if (!existing) return existing;
    bool same_history = existing->lineage == state->lineage && existing->serial <= state->serial;
    if (holds_anything(*existing) && !same_history && !options.force_copy)
        return std::unexpected(make_error(
            fmt::format("the {} backend already holds a different state for workspace `{}`", to.type(), workspace),
            fmt::format("Its state (lineage {}, serial {}) is not an older version of the one being copied "
                        "(lineage {}, serial {}). Nothing was copied. Pass --force-copy to overwrite it.",
                        existing->lineage, existing->serial, state->lineage, state->serial)));
    if (auto written = (*target)->write(*state); !written) return std::unexpected(written.error());
    return state;
}

ExitStatus migrate(Backend& from, Backend& to, const Stack& stack, const std::vector<std::string>& workspaces,
                   const BackendInitOptions& options, Ui& ui) {
    auto timeout = parse_lock_timeout(options.lock);
    if (!timeout) return fail(ui, timeout.error());
    for (const auto& workspace : workspaces) {
        auto copied = copy_workspace(from, to, stack, workspace, options, *timeout);
        if (!copied) return fail(ui, copied.error());
        ui.out(fmt::format("- copied workspace {} (serial {}, {} resources)\n", workspace, copied->serial,
                           copied->resources.size()));
    }
    return ExitStatus::Ok;
}

}  // namespace

ExitStatus initialize_backend(const Stack& stack, const BackendInitOptions& options, Ui& ui) {
    auto active_decl = backends::active_backend(stack.dir);
    if (!active_decl) return fail(ui, active_decl.error());
    auto wanted = backends::open_backend(stack.backend, stack.dir);
    if (!wanted) return fail(ui, wanted.error());
    if (active_decl->same_store_as(stack.backend)) {
        ui.out(fmt::format("- backend: {}\n", (*wanted)->describe()));
        return ExitStatus::Ok;
    }
    if (!options.reconfigure) {
        auto active = backends::open_backend(*active_decl, stack.dir);
        if (!active) return fail(ui, active.error());
        auto with_state = workspaces_with_state(**active, stack);
        if (!with_state) return fail(ui, with_state.error());
        if (!with_state->empty()) {
            if (!options.migrate_state)
                return fail(ui, make_error(
                                    "the backend changed and the previous one holds state",
                                    fmt::format("{} holds the state of workspace(s) {}. Run `plinth init "
                                                "--migrate-state` to copy it into the new {} backend, or `plinth "
                                                "init --reconfigure` to use the new backend's own state.",
                                                (*active)->describe(), fmt::join(*with_state, ", "),
                                                stack.backend.type),
                                    stack.backend.location));
            ui.out(fmt::format("Copying state from {} to {}:\n", (*active)->describe(), (*wanted)->describe()));
            if (migrate(**active, **wanted, stack, *with_state, options, ui) != ExitStatus::Ok) return ExitStatus::Error;
            ui.out(fmt::format("The state in {} was left in place; delete it when you no longer need it.\n",
                               (*active)->describe()));
        }
    }
    if (auto recorded = backends::write_backend_record(stack.dir, stack.backend); !recorded)
        return fail(ui, recorded.error());
    ui.out(fmt::format("- backend: {} {}\n", (*wanted)->describe(), green("(configured)", ui.color())));
    return ExitStatus::Ok;
}

}  // namespace plinth::cli
