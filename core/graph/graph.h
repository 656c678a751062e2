// core/graph/graph.h: a generic directed graph of nodes numbered from 0, where an edge from A to
// B means "B depends on A" (A must finish first). Knows nothing of resources, nor what its nodes
// are called: their owner keeps names and locations (see cycle_diagnostic). A Graph::Builder
// collects nodes and edges; the Graph it builds is immutable, each direction's edges in one
// compressed array (a graph of 100,000 resources held two vectors a node before).
#pragma once

#include <cstddef>
#include <expected>
#include <functional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostics.h"

namespace plinth {

class Graph {
public:
    using NodeId = std::size_t;

    class Builder {
    public:
        NodeId add_node() { return m_size++; }
        // `to` depends on `from`. A duplicate edge is kept once; a self-edge is remembered as a
        // cycle of one and kept out of the adjacency lists.
        void add_edge(NodeId from, NodeId to);
        std::size_t size() const { return m_size; }
        // Each node's dependencies and dependents in the order their edges were added.
        Graph build() &&;

    private:
        std::size_t m_size = 0;
        std::vector<std::pair<NodeId, NodeId>> m_edges;  // from, to
        std::vector<NodeId> m_self_edges;
    };

    std::size_t size() const { return m_size; }
    std::span<const NodeId> dependencies(NodeId node) const { return m_dependencies.of(node); }
    std::span<const NodeId> dependents(NodeId node) const { return m_dependents.of(node); }

    // Every node after all of its dependencies (stable: ties keep insertion order), or, when the
    // graph has a cycle, one cycle as the path of nodes [a, b, c, a].
    std::expected<std::vector<NodeId>, std::vector<NodeId>> topological_order() const;

    // The same nodes with every edge turned around (destroy order).
    Graph reversed() const;

private:
    // Node n's neighbours are nodes[start[n] .. start[n + 1]).
    struct Adjacency {
        std::vector<std::size_t> start{0};
        std::vector<NodeId> nodes;
        std::span<const NodeId> of(NodeId node) const {
            return {nodes.data() + start[node], nodes.data() + start[node + 1]};
        }
    };
    std::size_t m_size = 0;
    Adjacency m_dependencies;
    Adjacency m_dependents;
    std::vector<NodeId> m_self_edges;  // ascending
};

// What a graph's owner calls a node and where it was declared, for diagnostics.
struct NodeDescription {
    std::string name;
    SourceLocation location;
};

// "dependency cycle: a -> b -> c -> a", located at the first node, with each node's location in
// the detail.
Diagnostic cycle_diagnostic(const std::vector<Graph::NodeId>& cycle,
                            const std::function<NodeDescription(Graph::NodeId)>& describe);

}  // namespace plinth
