// `plinth show [PLANFILE]`: the current state, or a saved plan, in human form.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <memory>

#include "cli/command.h"
#include "cli/stack_session.h"
#include "cli/workspace_selection.h"
#include "core/stack/loader.h"
#include "core/state/atomic_file.h"
#include "plans/plan_file.h"
#include "plans/render_state.h"
#include "plans/render_text.h"

namespace plinth::cli {

namespace {

ExitStatus show_plan_file(const std::string& plan_file, Ui& ui) {
    auto content = read_whole_file(plan_file);
    if (!content || !*content)
        return ui.diagnostic(make_error(fmt::format("cannot read {}", plan_file), content ? "" : content.error())),
               ExitStatus::Error;
    // Only an encrypted plan needs the stack: its `encryption:` block has the key.
    std::unique_ptr<StackSession> session;
    if (is_encrypted(**content) && has_stack_files(".")) {
        auto opened = StackSession::open(ui);
        if (!opened) return opened.error();
        session = std::move(*opened);
        if (session->configure_encryption(VariableOptions{}) != ExitStatus::Ok) return ExitStatus::Error;
    }
    const StateCodec no_keys;
    auto plan = plans::decode_plan(**content, plan_file, session ? session->codec() : no_keys);
    if (!plan) return ui.diagnostic(plan.error()), ExitStatus::Error;
    ui.out(plans::render_plan(*plan, plans::RenderStyle{ui.color()}));
    return ExitStatus::Ok;
}

ExitStatus show(const std::string& plan_file, Ui& ui) {
    plans::RenderStyle style{ui.color()};
    if (!plan_file.empty()) return show_plan_file(plan_file, ui);
    auto state_path = current_state_path(std::filesystem::current_path());
    if (!state_path) return ui.diagnostic(state_path.error()), ExitStatus::Error;
    LocalBackend backend(*state_path);
    auto state = backend.read();
    if (!state) return ui.diagnostic(state.error()), ExitStatus::Error;
    ui.out(plans::render_state(*state, style));
    return ExitStatus::Ok;
}

}  // namespace

Command make_show_command(CLI::App& parent) {
    auto plan_file = std::make_shared<std::string>();
    CLI::App* app = parent.add_subcommand("show", "Show the state, or a saved plan");
    app->add_option("PLANFILE", *plan_file, "A plan saved by `plinth plan --out`");
    return {app, [plan_file](Ui& ui) { return show(*plan_file, ui); }};
}

}  // namespace plinth::cli
