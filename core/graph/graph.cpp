#include "core/graph/graph.h"

#include <algorithm>
#include <functional>
#include <queue>

#include <fmt/format.h>

namespace plinth {

namespace {

bool contains(const std::vector<Graph::NodeId>& nodes, Graph::NodeId node) {
    return std::find(nodes.begin(), nodes.end(), node) != nodes.end();
}

}  // namespace

Graph::NodeId Graph::add_node(std::string name, SourceLocation location) {
    m_nodes.push_back(Node{std::move(name), std::move(location), {}, {}, false});
    return m_nodes.size() - 1;
}

void Graph::add_edge(NodeId from, NodeId to) {
    if (from == to) {
        m_nodes[from].self_edge = true;
        return;
    }
    // Scan the shorter of the two lists, so that a hub with many edges stays cheap to extend.
    auto& dependents = m_nodes[from].dependents;
    auto& dependencies = m_nodes[to].dependencies;
    bool known = dependents.size() < dependencies.size() ? contains(dependents, to) : contains(dependencies, from);
    if (known) return;
    dependents.push_back(to);
    dependencies.push_back(from);
}

std::expected<std::vector<Graph::NodeId>, std::vector<Graph::NodeId>> Graph::topological_order() const {
    for (NodeId node = 0; node < m_nodes.size(); ++node)
        if (m_nodes[node].self_edge) return std::unexpected(std::vector<NodeId>{node, node});
    // Kahn's algorithm; the ready set is a min-heap of ids, so ties keep insertion order.
    std::vector<std::size_t> waiting(m_nodes.size());
    std::priority_queue<NodeId, std::vector<NodeId>, std::greater<>> ready;
    for (NodeId node = 0; node < m_nodes.size(); ++node) {
        waiting[node] = m_nodes[node].dependencies.size();
        if (waiting[node] == 0) ready.push(node);
    }
    std::vector<NodeId> order;
    order.reserve(m_nodes.size());
    while (!ready.empty()) {
        NodeId node = ready.top();
        ready.pop();
        order.push_back(node);
        for (NodeId dependent : m_nodes[node].dependents)
            if (--waiting[dependent] == 0) ready.push(dependent);
    }
    if (order.size() == m_nodes.size()) return order;
    // Every node left over still waits on another left-over node, so following such dependencies
    // from any of them must come back round: that loop is a cycle. The path runs from each node
    // to one it depends on, so "a -> b" reads "a depends on b".
    NodeId start = 0;
    while (waiting[start] == 0) ++start;
    std::vector<std::size_t> position(m_nodes.size(), m_nodes.size());
    std::vector<NodeId> path;
    for (NodeId node = start;;) {
        position[node] = path.size();
        path.push_back(node);
        const auto& dependencies = m_nodes[node].dependencies;
        node = *std::find_if(dependencies.begin(), dependencies.end(), [&](NodeId d) { return waiting[d] > 0; });
        if (position[node] != m_nodes.size()) {
            // Report the loop alone, starting from its earliest-added node.
            std::vector<NodeId> cycle(path.begin() + static_cast<std::ptrdiff_t>(position[node]), path.end());
            std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
            cycle.push_back(cycle.front());
            return std::unexpected(std::move(cycle));
        }
    }
}

Graph Graph::reversed() const {
    Graph graph;
    graph.m_nodes = m_nodes;
    for (auto& node : graph.m_nodes) std::swap(node.dependencies, node.dependents);
    return graph;
}

Diagnostic cycle_diagnostic(const Graph& graph, const std::vector<Graph::NodeId>& cycle) {
    std::string path;
    for (Graph::NodeId node : cycle) path += (path.empty() ? "" : " -> ") + graph.name(node);
    std::string detail = "Each depends on the next:";
    for (std::size_t i = 0; i + 1 < cycle.size(); ++i) {
        const SourceLocation& where = graph.location(cycle[i]);
        detail += fmt::format("\n  {}", graph.name(cycle[i]));
        if (!where.file.empty()) detail += fmt::format(" ({})", where.to_string());
    }
    SourceLocation location = cycle.empty() ? SourceLocation{} : graph.location(cycle.front());
    return make_error("dependency cycle: " + path, std::move(detail), std::move(location));
}

}  // namespace plinth
