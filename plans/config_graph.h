// plans/config_graph.h: the configuration graph of a whole module tree: one node per module
// variable, local, resource, data source, module call and output of every module (not per
// instance: instances are expanded while the graph is walked). Edges come from references,
// depends_on, and the rule that everything inside a module waits for its call to be expanded.
// Built in clear steps and checked for cycles; also answers which resources each resource depends
// on (through locals, variables, outputs and calls), which state records for destroy ordering.
#pragma once

#include <expected>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "core/graph/graph.h"
#include "core/stack/module_tree.h"

namespace plinth::plans {

enum class NodeKind { Variable, Local, Resource, Data, ModuleCall, Output };

struct ConfigNode {
    NodeKind kind;
    const ModuleNode* module;  // the module the declaration sits in
    std::string name;
    const ResourceDecl* block = nullptr;  // Resource and Data nodes: the declaration
    SourceLocation location;              // where it is declared

    const ResourceDecl& resource() const { return *block; }
    // "web", "data.x", "local.x", "var.x", "output.x", "module.net" inside the module, prefixed with
    // the module's path: "module.net.web".
    std::string display_name() const;
    // For Resource and Data nodes: the config address ("module.net.data.x").
    std::string config_address() const { return display_name(); }
};

class ConfigGraph {
public:
    static std::expected<ConfigGraph, Diagnostics> build(const ModuleNode& root);

    const Graph& graph() const { return m_graph; }
    const ConfigNode& node(Graph::NodeId id) const { return m_nodes[id]; }
    std::size_t size() const { return m_nodes.size(); }
    // Every node after its dependencies.
    const std::vector<Graph::NodeId>& order() const { return m_order; }
    // The managed resources (config addresses) a resource depends on, directly or through other
    // nodes, sorted.
    const std::vector<std::string>& resource_dependencies(const std::string& config_address) const;
    // The Resource node of a config address, if declared.
    std::optional<Graph::NodeId> find_resource(const std::string& config_address) const;

private:
    Graph m_graph;
    std::vector<ConfigNode> m_nodes;
    std::vector<Graph::NodeId> m_order;
    std::vector<std::vector<std::string>> m_resource_dependencies;  // by node id; empty for other kinds
    std::vector<std::pair<std::string, Graph::NodeId>> m_resources;  // Resource nodes by config address, sorted
};

}  // namespace plinth::plans
