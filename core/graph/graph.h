// core/graph/graph.h: a generic directed graph of named nodes, where an edge from A to B means
// "B depends on A" (A must finish first). Knows nothing of resources: the engine builds one in
// steps (nodes, reference edges, depends_on edges) and asks it for an order or a cycle.
#pragma once

#include <cstddef>
#include <expected>
#include <string>
#include <vector>

#include "core/diagnostics.h"

namespace plinth {

class Graph {
public:
    using NodeId = std::size_t;

    // Room for `nodes` nodes in all, so that a graph whose size is known up front is not copied
    // as it grows, nor left with unused room.
    void reserve(std::size_t nodes) { m_nodes.reserve(nodes); }
    NodeId add_node(std::string name, SourceLocation location = {});
    // `to` depends on `from`. Duplicate edges and self-edges are kept out of the adjacency lists
    // except that a self-edge is remembered as a cycle of one.
    void add_edge(NodeId from, NodeId to);

    std::size_t size() const { return m_nodes.size(); }
    const std::string& name(NodeId node) const { return m_nodes[node].name; }
    const SourceLocation& location(NodeId node) const { return m_nodes[node].location; }
    const std::vector<NodeId>& dependencies(NodeId node) const { return m_nodes[node].dependencies; }
    const std::vector<NodeId>& dependents(NodeId node) const { return m_nodes[node].dependents; }

    // Every node after all of its dependencies (stable: ties keep insertion order), or, when the
    // graph has a cycle, one cycle as the path of nodes [a, b, c, a].
    std::expected<std::vector<NodeId>, std::vector<NodeId>> topological_order() const;

    // The same nodes with every edge turned around (destroy order).
    Graph reversed() const;

private:
    struct Node {
        std::string name;
        SourceLocation location;
        std::vector<NodeId> dependencies;
        std::vector<NodeId> dependents;
        bool self_edge = false;
    };
    std::vector<Node> m_nodes;
};

// "dependency cycle: a -> b -> c -> a", located at the first node, with each node's location in
// the detail.
Diagnostic cycle_diagnostic(const Graph& graph, const std::vector<Graph::NodeId>& cycle);

}  // namespace plinth
