#include "plans/render_graph.h"

#include <array>
#include <fmt/format.h>

#include "core/address.h"

namespace plinth::plans {
namespace {

// Actions from weakest to strongest: an instance replaced outweighs one updated.
constexpr std::array<std::string_view, 6> k_strength = {"no-op", "read", "create", "update", "delete", "replace"};

int strength(std::string_view action) {
    for (std::size_t i = 0; i < k_strength.size(); ++i)
        if (k_strength[i] == action) return static_cast<int>(i);
    return 0;
}

std::string_view action_name(Action action) {
    switch (action) {
    case Action::NoOp: return "no-op";
    case Action::Create: return "create";
    case Action::Update: return "update";
    case Action::Delete: return "delete";
    case Action::DeleteThenCreate:
    case Action::CreateThenDelete: return "replace";
    }
    return "no-op";
}

struct Colours {
    const char* fill;
    const char* border;
};

Colours colours_of(std::string_view action) {
    if (action == "create") return {"#d9f2d9", "#2e7d32"};
    if (action == "update") return {"#fff3cd", "#b58900"};
    if (action == "replace") return {"#ffe0b2", "#e65100"};
    if (action == "delete") return {"#f8d7da", "#c62828"};
    if (action == "read") return {"#d6eaf8", "#1f618d"};
    return {"#ffffff", "#555555"};
}

std::string_view kind_label(NodeKind kind) {
    switch (kind) {
    case NodeKind::Variable: return "variable";
    case NodeKind::Local: return "local";
    case NodeKind::Resource: return "resource";
    case NodeKind::Data: return "data source";
    case NodeKind::ModuleCall: return "module";
    case NodeKind::Output: return "output";
    }
    return "";
}

// The second line of a node's label: the resource type, or what kind of node it is.
std::string subtitle(const ConfigNode& node) {
    if (node.kind == NodeKind::Resource || node.kind == NodeKind::Data) return node.resource().type;
    return std::string(kind_label(node.kind));
}

std::string node_action(const ConfigNode& node, const std::map<std::string, std::string>& actions) {
    if (node.kind != NodeKind::Resource && node.kind != NodeKind::Data) return "";
    auto found = actions.find(node.config_address());
    return found == actions.end() ? "" : found->second;
}

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

std::map<std::string, std::string> planned_actions(const Plan& plan) {
    std::map<std::string, std::string> actions;
    auto merge = [&](const std::string& address, std::string_view action) {
        auto parsed = parse_instance_address(address);
        std::string key = parsed ? parsed->config_address() : address;
        auto [it, inserted] = actions.emplace(key, std::string(action));
        if (!inserted && strength(action) > strength(it->second)) it->second = std::string(action);
    };
    for (const auto& change : plan.changes) merge(change.address, action_name(change.action));
    for (const auto& read : plan.data_reads) merge(read.address, read.deferred ? "read" : "no-op");
    return actions;
}

std::string render_graph_dot(const ConfigGraph& graph, const std::map<std::string, std::string>& actions) {
    std::string out = "digraph plinth {\n  rankdir = \"RL\";\n  node [shape = box, style = \"rounded,filled\", "
                      "fontname = \"sans-serif\", fillcolor = \"#ffffff\"];\n";
    for (Graph::NodeId id = 0; id < graph.size(); ++id) {
        const ConfigNode& node = graph.node(id);
        std::string action = node_action(node, actions);
        std::string label = node.display_name() + "\n" + subtitle(node) + (action.empty() ? "" : "\n" + action);
        std::string attributes = "label = " + dot_quote(label);
        if (node.kind != NodeKind::Resource && node.kind != NodeKind::Data) attributes += ", shape = note";
        if (!action.empty()) {
            Colours colours = colours_of(action);
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
        std::string label = mermaid_text(node.display_name()) + "<br/><small>" + subtitle(node) + "</small>";
        bool resource = node.kind == NodeKind::Resource || node.kind == NodeKind::Data;
        // A resource is a box, anything else a stadium shape.
        out += resource ? fmt::format("  n{}[\"{}\"]\n", id, label) : fmt::format("  n{}([\"{}\"])\n", id, label);
        if (std::string action = node_action(node, actions); !action.empty())
            classes[action].push_back(fmt::format("n{}", id));
    }
    for (Graph::NodeId id = 0; id < graph.size(); ++id)
        for (Graph::NodeId dependency : graph.graph().dependencies(id)) out += fmt::format("  n{} --> n{}\n", id, dependency);
    for (const auto& [action, ids] : classes) {
        Colours colours = colours_of(action);
        std::string name = action == "no-op" ? "noop" : action;
        out += fmt::format("  classDef {} fill:{},stroke:{}\n  class {} {}\n", name, colours.fill, colours.border,
                           fmt::join(ids, ","), name);
    }
    return out;
}

}  // namespace plinth::plans
