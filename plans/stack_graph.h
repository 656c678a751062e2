// plans/stack_graph.h: the configuration graph of a stack: one node per resource, local and
// output, with edges from references and depends_on. Built in clear steps and checked for
// cycles; also answers which resources each resource depends on (through locals), which is
// what state records for destroy ordering.
#pragma once

#include <expected>
#include <map>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/graph/graph.h"
#include "core/stack/stack.h"

namespace plinth::plans {

enum class NodeKind { Resource, Local, Output };

struct StackNode {
    NodeKind kind;
    std::string name;
};

class StackGraph {
public:
    // Builds the graph; a cycle or a reference to an undeclared resource is an error.
    static std::expected<StackGraph, Diagnostics> build(const Stack& stack);

    const Graph& graph() const { return m_graph; }
    const StackNode& node(Graph::NodeId id) const { return m_nodes[id]; }
    // Every node after its dependencies.
    const std::vector<Graph::NodeId>& order() const { return m_order; }
    // The resources `resource` depends on, directly or through locals, sorted.
    const std::vector<std::string>& resource_dependencies(const std::string& resource) const;

private:
    Graph m_graph;
    std::vector<StackNode> m_nodes;
    std::vector<Graph::NodeId> m_order;
    std::map<std::string, std::vector<std::string>> m_resource_dependencies;
};

// The node names used in the graph and in cycle messages: "web", "local.prefix", "output.url".
std::string node_display_name(NodeKind kind, const std::string& name);

}  // namespace plinth::plans
