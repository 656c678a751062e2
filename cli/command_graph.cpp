// `plinth graph [--format dot|mermaid] [--plan FILE]`: the configuration graph as Graphviz DOT or
// a Mermaid flowchart; with a saved plan, resources coloured by what it does to them.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <memory>

#include "cli/command.h"
#include "cli/stack_session.h"
#include "cli/state_codec.h"
#include "plans/render_graph.h"

namespace plinth::cli {
namespace {

struct GraphOptions {
    std::string format = "dot";
    std::string plan_file;
};

ExitStatus run_graph(const GraphOptions& options, Ui& ui) {
    auto session = StackSession::open(ui);
    if (!session) return session.error();
    if ((*session)->open_engine((*session)->default_variables()) != ExitStatus::Ok) return ExitStatus::Error;
    std::map<std::string, std::string> actions;
    if (!options.plan_file.empty()) {
        auto plan = read_saved_plan(ui, options.plan_file);
        if (!plan) return plan.error();
        actions = plans::planned_actions(*plan);
    }
    const plans::ConfigGraph& graph = (*session)->engine().graph();
    ui.out(options.format == "mermaid" ? plans::render_graph_mermaid(graph, actions)
                                       : plans::render_graph_dot(graph, actions));
    return ExitStatus::Ok;
}

}  // namespace

Command make_graph_command(CLI::App& parent) {
    auto options = std::make_shared<GraphOptions>();
    CLI::App* app = parent.add_subcommand("graph", "Draw the configuration graph (Graphviz DOT or Mermaid)");
    app->add_option("--format", options->format, "dot (Graphviz) or mermaid")
        ->check(CLI::IsMember({"dot", "mermaid"}))
        ->default_str("dot");
    app->add_option("--plan", options->plan_file, "Colour resources by what this saved plan does to them");
    return {app, [options](Ui& ui) { return run_graph(*options, ui); }};
}

}  // namespace plinth::cli
