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
#include "core/state/workspaces.h"
#include "plans/encryption_keys.h"
#include "plans/requirements.h"

extern char** environ;

namespace plinth::cli {

StackSession::StackSession(Ui& ui, std::unique_ptr<Stack> stack, std::string workspace)
    : m_ui(ui), m_stack(std::move(stack)), m_workspace(std::move(workspace)),
      m_registry(make_provider_registry(m_stack.get())), m_backend(local_state_path(m_stack->dir, m_workspace)),
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
    auto workspace = current_workspace(stack->dir);
    if (!workspace) {
        ui.diagnostic(workspace.error());
        return std::unexpected(ExitStatus::Error);
    }
    return std::unique_ptr<StackSession>(
        new StackSession(ui, std::make_unique<Stack>(std::move(*stack)), std::move(*workspace)));
}

ExitStatus StackSession::open_engine(const ValueMap& variables, InstallMode mode) {
    auto installer = ModuleInstaller::open(m_stack->dir, mode);
    if (!installer) {
        m_ui.diagnostic(installer.error());
        return ExitStatus::Error;
    }
    auto tree = load_module_tree(*m_stack, variables,
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
        if (auto problem = plans::check_plinth_requirement(module.stack.requirements)) unmet.add(*problem);
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

namespace {
VariableInputs variable_inputs(const VariableOptions& options) {
    VariableInputs inputs;
    inputs.environment = variables_from_environment(environ);
    for (const auto& file : options.var_files) inputs.var_files.emplace_back(file);
    inputs.assignments = options.vars;
    return inputs;
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
    auto codec = plans::make_state_codec(*m_stack, variables, m_workspace);
    if (!codec) {
        m_ui.diagnostics(codec.error());
        return ExitStatus::Error;
    }
    m_codec = std::move(*codec);
    return ExitStatus::Ok;
}

ExitStatus StackSession::configure_encryption(const VariableOptions& options) {
    if (!m_stack->encryption) return ExitStatus::Ok;
    auto available = resolve_available_variables(*m_stack, variable_inputs(options));
    if (!available) {
        m_ui.diagnostics(available.error());
        return ExitStatus::Error;
    }
    return configure_encryption(*available);
}

std::expected<std::unique_ptr<StateLock>, ExitStatus> StackSession::lock(const std::string& operation,
                                                                          const LockOptions& options) {
    auto timeout = parse_lock_timeout(options);
    if (!timeout) {
        m_ui.diagnostic(timeout.error());
        return std::unexpected(ExitStatus::Error);
    }
    auto held = m_backend.lock(operation, *timeout);
    if (!held) {
        m_ui.diagnostic(held.error());
        return std::unexpected(ExitStatus::Error);
    }
    return std::move(*held);
}

std::expected<State, ExitStatus> StackSession::read_state(bool persist_recovery) {
    bool recovered = false;
    auto state = m_backend.read(&recovered);
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
    ++state.serial;
    if (auto written = m_backend.write(state); !written) {
        m_ui.diagnostic(written.error());
        return ExitStatus::Error;
    }
    return ExitStatus::Ok;
}

}  // namespace plinth::cli
