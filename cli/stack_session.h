// cli/stack_session.h: what every stack command does before its own work: load the stack from
// the current directory, resolve its variables, open the engine and the state backend (the one
// `plinth init` set up; a changed `backend:` block asks for `plinth init` first). Errors
// are reported through the Ui and come back as an exit status.
#pragma once

#include <expected>
#include <memory>
#include <optional>

#include "cli/exit_status.h"
#include "cli/options.h"
#include "cli/ui.h"
#include "core/modules/module_installer.h"
#include "core/stack/stack.h"
#include "core/state/backend.h"
#include "core/state/encryption.h"
#include "plans/engine.h"
#include "providers/registry.h"

namespace plinth::cli {

class StackSession {
public:
    // Loads the stack in the current directory, in the current workspace (see
    // cli/workspace_selection.h).
    static std::expected<std::unique_ptr<StackSession>, ExitStatus> open(Ui& ui);

    // Resolves variables from defaults, PLINTH_VAR_*, --var-file and --var; prompts on a
    // terminal for missing required ones unless --input=false. Then configures encryption and
    // opens the engine with them.
    std::expected<ValueMap, ExitStatus> resolve_variables(const VariableOptions& options);

    // Loads the modules the stack calls (their sources may use `variables`) and builds the
    // engine. resolve_variables() does this; a saved plan brings its own variables. Remote
    // modules come from the cache `plinth init` fills (`mode` UseInstalled), or are fetched.
    ExitStatus open_engine(const ValueMap& variables, InstallMode mode = InstallMode::UseInstalled);

    // The codec state and saved plans are read and written with, from the stack's `encryption:`
    // block evaluated with `variables`; the state store uses it too.
    ExitStatus configure_encryption(const ValueMap& variables);
    // The same for commands that resolve no variables (cli/state_codec.h). Reading or writing
    // state before any configure_encryption() does this with no options.
    ExitStatus configure_encryption(const VariableOptions& options);
    const StateCodec& codec() const { return *m_codec; }

    // The variables' defaults, unknown where there is none: for commands that take no values.
    ValueMap default_variables() const;

    // Takes the state lock for `operation`, waiting up to --lock-timeout.
    std::expected<std::unique_ptr<StateLock>, ExitStatus> lock(const std::string& operation, const LockOptions& options);

    // Reads state, telling the user when an interrupted run's results were recovered. With
    // `persist_recovery` (the caller holds the lock) recovered results are written to the state
    // file at once, so the next journal starts from them.
    std::expected<State, ExitStatus> read_state(bool persist_recovery = false);

    // Bumps the serial and writes state atomically. When the backend cannot store it, the new
    // state is saved to plinth.state.errored.json in the stack directory (the stored one is the
    // previous state) and the user is told how to push it.
    ExitStatus write_state(State& state);

    const Stack& stack() const { return *m_stack; }
    plans::Engine& engine() { return *m_engine; }  // after open_engine()
    Backend& backend() { return *m_backend; }
    StateStore& state_store() { return *m_state; }  // the current workspace's
    const providers::ProviderRegistry& registry() const { return m_registry; }
    const std::string& workspace() const { return m_workspace; }
    Ui& ui() { return m_ui; }

private:
    StackSession(Ui& ui, std::shared_ptr<const Stack> stack, std::unique_ptr<Backend> backend, std::string workspace,
                 std::unique_ptr<StateStore> state);

    Ui& m_ui;
    std::shared_ptr<const Stack> m_stack;  // the engine's module tree shares it
    std::string m_workspace;
    providers::ProviderRegistry m_registry;
    std::optional<plans::Engine> m_engine;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<StateStore> m_state;
    std::shared_ptr<const StateCodec> m_codec;  // never null; without keys until configured
    bool m_encryption_configured = false;
    // Configures encryption with no options unless done already.
    ExitStatus ensure_encryption();
    ExitStatus use_codec(std::expected<std::shared_ptr<const StateCodec>, ExitStatus> codec);
};

}  // namespace plinth::cli
