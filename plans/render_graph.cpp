#include "plans/render_graph.h"

#include <fmt/format.h>

namespace plinth::plans {
namespace {

std::string dot_quote(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

// Mermaid labels go in "..." where a quote must be written as #quot;.
std::string mermaid_text(std::string_view text) {
    std::string out;
    for (char c : text) out += c == '"' ? std::string("#quot;") : std::string(1, c);
    return out;
}

}  // namespace

std::string render_graph_dot(const ConfigGraph& graph, const std::map<std::string, std::string>& actions) {
    std::string out = "digraph plinth {\n  rankdir = \"RL\";\n  node [shape = box, style = \"rounded,filled\", "
                      "fontname = \"sans-serif\", fillcolor = \"#ffffff\"];\n";
    for (Graph::NodeId id = 0; id < graph.size(); ++id) {
        const ConfigNode& node = graph.node(id);
        std::string action = node_action(node, actions);
        std::string label = node.display_name() + "\n" + node_subtitle(node) + (action.empty() ? "" : "\n" + action);
        std::string attributes = "label = " + dot_quote(label);
        if (node.kind != NodeKind::Resource && node.kind != NodeKind::Data) attributes += ", shape = note";
        if (!action.empty()) {
            ActionColours colours = action_colours(action);
            attributes += fmt::format(", fillcolor = \"{}\", color = \"{}\"", colours.fill, colours.border);
        }
        out += fmt::format("  {} [{}];\n", dot_quote(node.display_name()), attributes);
    }
    for (Graph::NodeId id = 0; id < graph.size(); ++id)
        for (Graph::NodeId dependency : graph.graph().dependencies(id))
            out += fmt::format("  {} -> {};\n", dot_quote(graph.node(id).display_name()),
                               dot_quote(graph.node(dependency).display_name()));
    return out + "}\n";
}

std::string render_graph_mermaid(const ConfigGraph& graph, const std::map<std::string, std::string>& actions) {
    std::string out = "flowchart RL\n";
    std::map<std::string, std::vector<std::string>> classes;  // action -> node ids
    for (Graph::NodeId id = 0; id < graph.size(); ++id) {
        const ConfigNode& node = graph.node(id);
        std::string label = mermaid_text(node.display_name()) + "<br/><small>" + node_subtitle(node) + "</small>";
        bool resource = node.kind == NodeKind::Resource || node.kind == NodeKind::Data;
        // A resource is a box, anything else a stadium shape.
        out += resource ? fmt::format("  n{}[\"{}\"]\n", id, label) : fmt::format("  n{}([\"{}\"])\n", id, label);
        if (std::string action = node_action(node, actions); !action.empty())
            classes[action].push_back(fmt::format("n{}", id));
    }
    for (Graph::NodeId id = 0; id < graph.size(); ++id)
        for (Graph::NodeId dependency : graph.graph().dependencies(id)) out += fmt::format("  n{} --> n{}\n", id, dependency);
    for (const auto& [action, ids] : classes) {
        ActionColours colours = action_colours(action);
        std::string name = action == "no-op" ? "noop" : action;
        out += fmt::format("  classDef {} fill:{},stroke:{}\n  class {} {}\n", name, colours.fill, colours.border,
                           fmt::join(ids, ","), name);
    }
    return out;
}

}  // namespace plinth::plans
