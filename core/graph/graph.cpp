#include "core/graph/graph.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <queue>

#include <fmt/format.h>

namespace plinth {

void Graph::Builder::add_edge(NodeId from, NodeId to) {
    if (from == to) {
        m_self_edges.push_back(from);
        return;
    }
    m_edges.emplace_back(from, to);
}

namespace {

using NodeId = Graph::NodeId;
using Edge = std::pair<NodeId, NodeId>;

// The edges, each once, in the order they were first added.
std::vector<Edge> without_duplicates(std::vector<Edge> edges, std::size_t nodes) {
    // Group the edges' indices by source, in order, then keep the first edge to each target.
    std::vector<std::size_t> start(nodes + 1, 0);
    for (const auto& [from, to] : edges) ++start[from + 1];
    for (std::size_t node = 0; node < nodes; ++node) start[node + 1] += start[node];
    std::vector<std::size_t> by_source(edges.size());
    std::vector<std::size_t> next(start.begin(), start.end() - 1);
    for (std::size_t index = 0; index < edges.size(); ++index) by_source[next[edges[index].first]++] = index;
    constexpr NodeId k_none = std::numeric_limits<NodeId>::max();
    std::vector<NodeId> seen_from(nodes, k_none);  // the source whose list last held each target
    std::vector<bool> duplicate(edges.size(), false);
    for (NodeId from = 0; from < nodes; ++from)
        for (std::size_t i = start[from]; i < start[from + 1]; ++i) {
            NodeId to = edges[by_source[i]].second;
            duplicate[by_source[i]] = seen_from[to] == from;
            seen_from[to] = from;
        }
    std::size_t kept = 0;
    for (std::size_t index = 0; index < edges.size(); ++index)
        if (!duplicate[index]) edges[kept++] = edges[index];
    edges.resize(kept);
    return edges;
}

}  // namespace

Graph Graph::Builder::build() && {
    std::vector<Edge> edges = without_duplicates(std::move(m_edges), m_size);
    Graph graph;
    graph.m_size = m_size;
    // Counting sort by node, stable: each list keeps the order its edges were added in.
    auto fill = [&](Adjacency& adjacency, auto key, auto value) {
        adjacency.start.assign(m_size + 1, 0);
        for (const Edge& edge : edges) ++adjacency.start[key(edge) + 1];
        for (std::size_t node = 0; node < m_size; ++node) adjacency.start[node + 1] += adjacency.start[node];
        adjacency.nodes.resize(edges.size());
        std::vector<std::size_t> next(adjacency.start.begin(), adjacency.start.end() - 1);
        for (const Edge& edge : edges) adjacency.nodes[next[key(edge)]++] = value(edge);
    };
    fill(graph.m_dependencies, [](const Edge& e) { return e.second; }, [](const Edge& e) { return e.first; });
    fill(graph.m_dependents, [](const Edge& e) { return e.first; }, [](const Edge& e) { return e.second; });
    std::ranges::sort(m_self_edges);
    graph.m_self_edges = std::move(m_self_edges);
    return graph;
}

std::expected<std::vector<Graph::NodeId>, std::vector<Graph::NodeId>> Graph::topological_order() const {
    if (!m_self_edges.empty()) return std::unexpected(std::vector<NodeId>{m_self_edges.front(), m_self_edges.front()});
    // Kahn's algorithm; the ready set is a min-heap of ids, so ties keep insertion order.
    std::vector<std::size_t> waiting(size());
    std::priority_queue<NodeId, std::vector<NodeId>, std::greater<>> ready;
    for (NodeId node = 0; node < size(); ++node) {
        waiting[node] = dependencies(node).size();
        if (waiting[node] == 0) ready.push(node);
    }
    std::vector<NodeId> order;
    order.reserve(size());
    while (!ready.empty()) {
        NodeId node = ready.top();
        ready.pop();
        order.push_back(node);
        for (NodeId dependent : dependents(node))
            if (--waiting[dependent] == 0) ready.push(dependent);
    }
    if (order.size() == size()) return order;
    // Every node left over still waits on another left-over node, so following such dependencies
    // from any of them must come back round: that loop is a cycle. The path runs from each node
    // to one it depends on, so "a -> b" reads "a depends on b".
    NodeId start = 0;
    while (waiting[start] == 0) ++start;
    std::vector<std::size_t> position(size(), size());
    std::vector<NodeId> path;
    for (NodeId node = start;;) {
        position[node] = path.size();
        path.push_back(node);
        auto pending = dependencies(node);
        node = *std::ranges::find_if(pending, [&](NodeId d) { return waiting[d] > 0; });
        if (position[node] != size()) {
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
    graph.m_size = m_size;
    graph.m_dependencies = m_dependents;
    graph.m_dependents = m_dependencies;
    graph.m_self_edges = m_self_edges;
    return graph;
}

Diagnostic cycle_diagnostic(const std::vector<Graph::NodeId>& cycle,
                            const std::function<NodeDescription(Graph::NodeId)>& describe) {
    std::vector<NodeDescription> nodes;
    for (Graph::NodeId node : cycle) nodes.push_back(describe(node));
    std::string path;
    for (const auto& node : nodes) path += (path.empty() ? "" : " -> ") + node.name;
    std::string detail = "Each depends on the next:";
    for (std::size_t i = 0; i + 1 < nodes.size(); ++i) {
        detail += fmt::format("\n  {}", nodes[i].name);
        if (!nodes[i].location.file.empty()) detail += fmt::format(" ({})", nodes[i].location.to_string());
    }
    SourceLocation location = nodes.empty() ? SourceLocation{} : nodes.front().location;
    return make_error("dependency cycle: " + path, std::move(detail), std::move(location));
}

}  // namespace plinth
