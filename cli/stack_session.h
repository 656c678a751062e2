// cli/stack_session.h: what every stack command does before its own work: load the stack from
// the current directory, resolve its variables, open the engine and the state backend. Errors
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
#include "core/state/encryption.h"
#include "core/state/local_backend.h"
#include "plans/engine.h"
#include "providers/registry.h"

namespace plinth::cli {

class StackSession {
public:
    // Loads the stack in the current directory, in the current workspace (see
    // cli/workspace_selection.h).
    static std::expected<std::unique_ptr<StackSession>, ExitStatus> open(Ui& ui);

    // Resolves variables from defaults, PLINTH_VAR_*, --var-file and --var; prompts on a
    // terminal for missing required ones unless --input=false. Then opens the engine with them.
    std::expected<ValueMap, ExitStatus> resolve_variables(const VariableOptions& options);

    // Loads the modules the stack calls (their sources may use `variables`) and builds the
    // engine. resolve_variables() does this; a saved plan brings its own variables. Remote
    // modules come from the cache `plinth init` fills (`mode` UseInstalled), or are fetched.
    ExitStatus open_engine(const ValueMap& variables, InstallMode mode = InstallMode::UseInstalled);

    // The codec that state and saved plans are read and written with: from the stack's
    // `encryption:` block once configured (resolve_variables() does it), else none.
    const StateCodec& codec() const { return *m_codec; }
    ExitStatus configure_encryption(const ValueMap& variables);
    // For commands that resolve no variables: from defaults, PLINTH_VAR_* and `options`; a
    // variable without a value is unknown, an error only if a passphrase uses it.
    ExitStatus configure_encryption(const VariableOptions& options);

    // The variables' defaults, unknown where there is none: for commands that take no values.
    ValueMap default_variables() const;

    // Takes the state lock for `operation`, waiting up to --lock-timeout.
    std::expected<std::unique_ptr<StateLock>, ExitStatus> lock(const std::string& operation, const LockOptions& options);

    // Reads state, telling the user when an interrupted run's results were recovered. With
    // `persist_recovery` (the caller holds the lock) recovered results are written to the state
    // file at once, so the next journal starts from them.
    std::expected<State, ExitStatus> read_state(bool persist_recovery = false);

    // Bumps the serial and writes state atomically.
    ExitStatus write_state(State& state);

    const Stack& stack() const { return *m_stack; }
    plans::Engine& engine() { return *m_engine; }  // after open_engine()
    LocalBackend& backend() { return m_backend; }
    const providers::ProviderRegistry& registry() const { return m_registry; }
    const std::string& workspace() const { return m_workspace; }
    Ui& ui() { return m_ui; }

private:
    StackSession(Ui& ui, std::unique_ptr<Stack> stack, std::string workspace);

    Ui& m_ui;
    std::unique_ptr<Stack> m_stack;  // the engine points into it
    std::string m_workspace;
    providers::ProviderRegistry m_registry;
    std::optional<plans::Engine> m_engine;
    LocalBackend m_backend;
    std::shared_ptr<const StateCodec> m_codec;  // never null
};

}  // namespace plinth::cli
