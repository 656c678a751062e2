// `plinth graph [--format dot|mermaid|html] [--plan FILE] [--out FILE]`: the configuration graph
// as Graphviz DOT, a Mermaid flowchart or a self-contained HTML page; with a saved plan, resources
// coloured by what it does to them (and, in the page, their planned values).
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <memory>
#include <optional>

#include "cli/command.h"
#include "cli/stack_session.h"
#include "cli/state_codec.h"
#include "core/state/atomic_file.h"
#include "plans/render_graph.h"
#include "plans/render_graph_html.h"

namespace plinth::cli {
namespace {

struct GraphOptions {
    std::string format = "dot";
    std::string plan_file;
    std::string out;  // empty: stdout
};

std::string render(const GraphOptions& options, const plans::ConfigGraph& graph, const plans::Plan* plan,
                   const std::string& title) {
    if (options.format == "html") return plans::render_graph_html(graph, plan, title);
    std::map<std::string, std::string> actions;
    if (plan) actions = plans::planned_actions(*plan);
    return options.format == "mermaid" ? plans::render_graph_mermaid(graph, actions)
                                       : plans::render_graph_dot(graph, actions);
}

ExitStatus run_graph(const GraphOptions& options, Ui& ui) {
    auto session = StackSession::open(ui);
    if (!session) return session.error();
    if ((*session)->open_engine((*session)->default_variables()) != ExitStatus::Ok) return ExitStatus::Error;
    std::optional<plans::Plan> plan;
    if (!options.plan_file.empty()) {
        auto saved = read_saved_plan(ui, options.plan_file);
        if (!saved) return saved.error();
        plan = std::move(*saved);
    }
    std::string text =
        render(options, (*session)->engine().graph(), plan ? &*plan : nullptr, (*session)->stack().name);
    if (options.out.empty()) {
        ui.out(text);
        return ExitStatus::Ok;
    }
    if (auto written = write_file_atomically(options.out, text, 0644); !written) {
        ui.diagnostic(make_error(fmt::format("cannot write the graph to {}", options.out), written.error()));
        return ExitStatus::Error;
    }
    return ExitStatus::Ok;
}

}  // namespace

Command make_graph_command(CLI::App& parent) {
    auto options = std::make_shared<GraphOptions>();
    CLI::App* app = parent.add_subcommand("graph", "Draw the configuration graph (Graphviz DOT, Mermaid or HTML)");
    app->add_option("--format", options->format,
                    "dot (Graphviz), mermaid, or html (a self-contained page to explore in a browser)")
        ->check(CLI::IsMember({"dot", "mermaid", "html"}))
        ->default_str("dot");
    app->add_option("--plan", options->plan_file, "Colour resources by what this saved plan does to them");
    app->add_option("--out", options->out, "Write the graph to this file instead of standard output");
    return {app, [options](Ui& ui) { return run_graph(*options, ui); }};
}

}  // namespace plinth::cli
