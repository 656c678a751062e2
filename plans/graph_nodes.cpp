#include "plans/graph_nodes.h"

#include "plans/apply_graph.h"

namespace plinth::plans {
namespace {

int strength(std::string_view action) {
    for (std::size_t i = 0; i < k_graph_actions.size(); ++i)
        if (k_graph_actions[i] == action) return static_cast<int>(i);
    return 0;
}

}  // namespace

std::string_view graph_action(Action action) {
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

std::map<std::string, std::string> planned_actions(const Plan& plan) {
    std::map<std::string, std::string> actions;
    auto merge = [&](const std::string& address, std::string_view action) {
        auto [it, inserted] = actions.emplace(config_address_of(address), std::string(action));
        if (!inserted && strength(action) > strength(it->second)) it->second = std::string(action);
    };
    for (const auto& change : plan.changes) merge(change.address, graph_action(change.action));
    for (const auto& read : plan.data_reads) merge(read.address, read.deferred ? "read" : "no-op");
    return actions;
}

std::string node_action(const ConfigNode& node, const std::map<std::string, std::string>& actions) {
    if (node.kind != NodeKind::Resource && node.kind != NodeKind::Data) return "";
    auto found = actions.find(node.config_address());
    return found == actions.end() ? "" : found->second;
}

ActionColours action_colours(std::string_view action) {
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

std::string node_subtitle(const ConfigNode& node) {
    if (node.kind == NodeKind::Resource || node.kind == NodeKind::Data) return node.resource().type;
    return std::string(kind_label(node.kind));
}

}  // namespace plinth::plans
