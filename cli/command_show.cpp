// `plinth show [PLANFILE]`: the current state, or a saved plan, in human form.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fstream>
#include <memory>
#include <sstream>

#include "cli/command.h"
#include "cli/stack_session.h"
#include "cli/workspace_selection.h"
#include "plans/plan_file.h"
#include "plans/render_state.h"
#include "plans/render_text.h"

namespace plinth::cli {

namespace {

std::expected<std::string, Diagnostic> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::unexpected(make_error(fmt::format("cannot read {}", path)));
    std::stringstream content;
    content << in.rdbuf();
    return content.str();
}

ExitStatus show(const std::string& plan_file, Ui& ui) {
    plans::RenderStyle style{ui.color()};
    if (!plan_file.empty()) {
        auto content = read_file(plan_file);
        if (!content) return ui.diagnostic(content.error()), ExitStatus::Error;
        auto plan = plans::parse_plan(*content, plan_file);
        if (!plan) return ui.diagnostic(plan.error()), ExitStatus::Error;
        ui.out(plans::render_plan(*plan, style));
        return ExitStatus::Ok;
    }
    auto store = open_current_state(std::filesystem::current_path());
    if (!store) return ui.diagnostic(store.error()), ExitStatus::Error;
    auto state = (*store)->read();
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
