#include "cli/stack_session.h"

#include <fmt/format.h>
#include <iostream>
#include <unistd.h>

#include "cli/provider_registry.h"
#include "cli/terminal.h"
#include "cli/workspace_selection.h"
#include "core/duration.h"
#include "core/stack/loader.h"
#include "core/stack/module_tree.h"
#include "core/stack/variables.h"
#include "cli/errored_state.h"
#include "cli/state_codec.h"
#include "core/backends/backend_factory.h"
#include "core/backends/backend_record.h"
#include "plans/requirements.h"

namespace plinth::cli {

StackSession::StackSession(Ui& ui, std::shared_ptr<const Stack> stack, std::unique_ptr<Backend> backend,
                           std::string workspace, std::unique_ptr<StateStore> state)
    : m_ui(ui), m_stack(std::move(stack)), m_workspace(std::move(workspace)),
      m_registry(make_provider_registry(m_stack.get())), m_backend(std::move(backend)), m_state(std::move(state)),
      m_codec(std::make_shared<const StateCodec>()) {}

std::expected<std::unique_ptr<StackSession>, ExitStatus> StackSession::open(Ui& ui) {
    // Relative, so diagnostics name files as the user sees them: "stack.yaml:7:31".
    auto stack = load_stack(".");
    if (!stack) {
        ui.diagnostics(stack.error());
        return std::unexpected(ExitStatus::Error);
    }
    if (auto unmet = plans::check_plinth_requirement(stack->requirements)) {
        ui.diagnostic(*unmet);
        return std::unexpected(ExitStatus::Error);
    }
    auto fail = [&](const Diagnostic& diagnostic) {
        ui.diagnostic(diagnostic);
        return std::unexpected(ExitStatus::Error);
    };
    auto decl = backends::check_backend_initialized(*stack);
    if (!decl) return fail(decl.error());
    auto backend = backends::open_backend(*decl, stack->dir);
    if (!backend) return fail(backend.error());
    auto workspace = current_workspace(stack->dir, **backend);
    if (!workspace) return fail(workspace.error());
    auto state = (*backend)->open(*workspace);
    if (!state) return fail(state.error());
    return std::unique_ptr<StackSession>(new StackSession(ui, std::make_shared<const Stack>(std::move(*stack)),
                                                          std::move(*backend), std::move(*workspace),
                                                          std::move(*state)));
}

ExitStatus StackSession::open_engine(const ValueMap& variables, InstallMode mode) {
    auto installer = ModuleInstaller::open(m_stack->dir, mode);
    if (!installer) {
        m_ui.diagnostic(installer.error());
        return ExitStatus::Error;
    }
    auto tree = load_module_tree(m_stack, variables,
                                 [&](const std::string& key, const std::string& source, const std::string& version,
                                     const std::filesystem::path& caller_dir, const SourceLocation& at) {
                                     return installer->resolve(key, source, version, caller_dir, at);
                                 },
                                 m_workspace);
    if (!tree) {
        m_ui.diagnostics(tree.error());
        return ExitStatus::Error;
    }
    Diagnostics unmet;
    for_each_module(**tree, [&](const ModuleNode& module) {
        if (auto problem = plans::check_plinth_requirement(module.stack->requirements)) unmet.add(*problem);
    });
    if (unmet.has_errors()) {
        m_ui.diagnostics(unmet);
        return ExitStatus::Error;
    }
    if (auto saved = installer->save_lock(); !saved) {
        m_ui.diagnostic(saved.error());
        return ExitStatus::Error;
    }
    auto engine = plans::Engine::open(std::move(*tree), m_registry, m_workspace);
    if (!engine) {
        m_ui.diagnostics(engine.error());
        return ExitStatus::Error;
    }
    m_engine.emplace(std::move(*engine));
    m_engine->configure_providers(variables);
    return ExitStatus::Ok;
}

ValueMap StackSession::default_variables() const {
    ValueMap defaults;
    for (const auto& [name, variable] : m_stack->variables)
        defaults.emplace(name, variable.default_value.value_or(Value::unknown()));
    return defaults;
}

namespace {
std::optional<std::string> prompt_for_variable(const VariableDecl& variable) {
    std::string text = fmt::format("var.{}\n", variable.name);
    if (!variable.description.empty()) text += fmt::format("  {}\n", variable.description);
    std::cerr << text << "\n  Enter a value: " << std::flush;
    std::string answer;
    if (!std::getline(std::cin, answer)) return std::nullopt;
    std::cerr << "\n";
    return answer;
}
}  // namespace

std::expected<ValueMap, ExitStatus> StackSession::resolve_variables(const VariableOptions& options) {
    VariableInputs inputs = variable_inputs(options);
    if (options.input && stdin_is_terminal()) inputs.prompt = prompt_for_variable;
    auto resolved = plinth::resolve_variables(*m_stack, inputs);
    if (!resolved) {
        m_ui.diagnostics(resolved.error());
        return std::unexpected(ExitStatus::Error);
    }
    if (configure_encryption(*resolved) != ExitStatus::Ok) return std::unexpected(ExitStatus::Error);
    if (open_engine(*resolved) != ExitStatus::Ok) return std::unexpected(ExitStatus::Error);
    return std::move(*resolved);
}

ExitStatus StackSession::configure_encryption(const ValueMap& variables) {
    return use_codec(state_codec(m_ui, *m_stack, variables, m_workspace));
}

ExitStatus StackSession::configure_encryption(const VariableOptions& options) {
    return use_codec(state_codec(m_ui, *m_stack, options, m_workspace));
}

ExitStatus StackSession::use_codec(std::expected<std::shared_ptr<const StateCodec>, ExitStatus> codec) {
    if (!codec) return codec.error();
    m_codec = std::move(*codec);
    m_state->use_codec(m_codec);
    m_encryption_configured = true;
    return ExitStatus::Ok;
}

ExitStatus StackSession::ensure_encryption() {
    return m_encryption_configured ? ExitStatus::Ok : configure_encryption(VariableOptions{});
}

std::expected<std::unique_ptr<StateLock>, ExitStatus> StackSession::lock(const std::string& operation,
                                                                          const LockOptions& options) {
    auto timeout = parse_lock_timeout(options);
    if (!timeout) {
        m_ui.diagnostic(timeout.error());
        return std::unexpected(ExitStatus::Error);
    }
    auto held = m_state->lock(operation, *timeout);
    if (!held) {
        m_ui.diagnostic(held.error());
        return std::unexpected(ExitStatus::Error);
    }
    return std::move(*held);
}

std::expected<State, ExitStatus> StackSession::read_state(bool persist_recovery) {
    if (ensure_encryption() != ExitStatus::Ok) return std::unexpected(ExitStatus::Error);
    bool recovered = false;
    auto state = m_state->read(&recovered);
    if (!state) {
        m_ui.diagnostic(state.error());
        return std::unexpected(ExitStatus::Error);
    }
    if (recovered) {
        m_ui.err("Recovered the results of an interrupted run from the state journal; "
                 "objects whose creation was not confirmed will be read back.\n\n");
        if (persist_recovery && write_state(*state) != ExitStatus::Ok) return std::unexpected(ExitStatus::Error);
    }
    return std::move(*state);
}

ExitStatus StackSession::write_state(State& state) {
    if (ensure_encryption() != ExitStatus::Ok) return ExitStatus::Error;
    ++state.serial;
    auto written = m_state->write(state);
    if (written) return ExitStatus::Ok;
    m_ui.diagnostic(written.error());
    m_ui.diagnostic(save_errored_state(m_stack->dir, state, *m_codec));
    return ExitStatus::Error;
}

}  // namespace plinth::cli
