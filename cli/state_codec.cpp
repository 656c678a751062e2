#include "cli/state_codec.h"

#include <fmt/format.h>

#include "cli/workspace_selection.h"
#include "core/stack/loader.h"
#include "core/stack/variables.h"
#include "core/state/atomic_file.h"
#include "plans/encryption_keys.h"
#include "plans/plan_file.h"


namespace plinth::cli {

namespace {

struct CurrentWorkspace {
    std::unique_ptr<Backend> backend;
    std::string workspace;
};

std::expected<CurrentWorkspace, ExitStatus> current(Ui& ui) {
    auto backend = open_active_backend(std::filesystem::current_path());
    if (!backend) return ui.diagnostic(backend.error()), std::unexpected(ExitStatus::Error);
    auto workspace = current_workspace(std::filesystem::current_path(), **backend);
    if (!workspace) return ui.diagnostic(workspace.error()), std::unexpected(ExitStatus::Error);
    return CurrentWorkspace{std::move(*backend), std::move(*workspace)};
}

}  // namespace

std::expected<CodecPtr, ExitStatus> state_codec(Ui& ui, const Stack& stack, const ValueMap& variables,
                                                const std::string& workspace) {
    auto codec = plans::make_state_codec(stack, variables, workspace);
    if (!codec) {
        ui.diagnostics(codec.error());
        return std::unexpected(ExitStatus::Error);
    }
    return std::move(*codec);
}

std::expected<CodecPtr, Diagnostics> available_state_codec(const Stack& stack, const VariableOptions& options,
                                                           const std::string& workspace) {
    if (!stack.encryption) return std::make_shared<const StateCodec>();
    auto available = resolve_available_variables(stack, variable_inputs(options));
    if (!available) return std::unexpected(std::move(available.error()));
    return plans::make_state_codec(stack, *available, workspace);
}

std::expected<CodecPtr, ExitStatus> state_codec(Ui& ui, const Stack& stack, const VariableOptions& options,
                                                const std::string& workspace) {
    auto codec = available_state_codec(stack, options, workspace);
    if (!codec) {
        ui.diagnostics(codec.error());
        return std::unexpected(ExitStatus::Error);
    }
    return std::move(*codec);
}

std::expected<CodecPtr, ExitStatus> directory_state_codec(Ui& ui, const std::filesystem::path& stack_dir,
                                                          const std::string& workspace) {
    if (!has_stack_files(stack_dir)) return std::make_shared<const StateCodec>();
    // Relative, so diagnostics name files as the user sees them.
    std::error_code error;
    std::filesystem::path relative = std::filesystem::relative(stack_dir, error);
    auto stack = load_stack(error || relative.empty() ? stack_dir : relative);
    if (!stack) {
        ui.diagnostics(stack.error());
        return std::unexpected(ExitStatus::Error);
    }
    return state_codec(ui, *stack, VariableOptions{}, workspace);
}

std::expected<std::unique_ptr<StateStore>, ExitStatus> open_encrypted_state(Ui& ui, Backend& backend,
                                                                            const std::filesystem::path& stack_dir,
                                                                            const std::string& workspace) {
    auto codec = directory_state_codec(ui, stack_dir, workspace);
    if (!codec) return std::unexpected(codec.error());
    auto store = backend.open(workspace);
    if (!store) {
        ui.diagnostic(store.error());
        return std::unexpected(ExitStatus::Error);
    }
    (*store)->use_codec(std::move(*codec));
    return std::move(*store);
}

std::expected<std::unique_ptr<StateStore>, ExitStatus> open_current_encrypted_state(Ui& ui) {
    auto selected = current(ui);
    if (!selected) return std::unexpected(selected.error());
    return open_encrypted_state(ui, *selected->backend, std::filesystem::current_path(), selected->workspace);
}

std::expected<CodecPtr, ExitStatus> current_state_codec(Ui& ui) {
    auto selected = current(ui);
    if (!selected) return std::unexpected(selected.error());
    return directory_state_codec(ui, std::filesystem::current_path(), selected->workspace);
}

std::expected<plans::Plan, ExitStatus> read_saved_plan(Ui& ui, const std::string& path) {
    auto content = read_whole_file(path);
    if (!content || !*content) {
        ui.diagnostic(make_error(fmt::format("cannot read plan file {}", path),
                                 content ? "it does not exist" : content.error()));
        return std::unexpected(ExitStatus::Error);
    }
    CodecPtr codec = std::make_shared<const StateCodec>();
    if (is_encrypted(**content)) {
        auto configured = current_state_codec(ui);
        if (!configured) return std::unexpected(configured.error());
        codec = std::move(*configured);
    }
    auto plan = plans::decode_plan(**content, path, *codec);
    if (!plan) {
        ui.diagnostic(plan.error());
        return std::unexpected(ExitStatus::Error);
    }
    return std::move(*plan);
}

}  // namespace plinth::cli
