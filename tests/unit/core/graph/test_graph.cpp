#include <catch2/catch.hpp>

#include "core/graph/graph.h"

using namespace plinth;
using NodeId = Graph::NodeId;

namespace {

std::vector<std::string> names(const Graph& graph, const std::vector<NodeId>& nodes) {
    std::vector<std::string> out;
    for (NodeId node : nodes) out.push_back(graph.name(node));
    return out;
}

}  // namespace

TEST_CASE("graph: nodes and edges") {
    Graph graph;
    NodeId a = graph.add_node("a", {"stack.yaml", 3, 5});
    NodeId b = graph.add_node("b");
    graph.add_edge(a, b);
    graph.add_edge(a, b);  // duplicate, kept once
    CHECK(graph.size() == 2);
    CHECK(graph.name(b) == "b");
    CHECK(graph.location(a).to_string() == "stack.yaml:3:5");
    CHECK(graph.dependents(a) == std::vector<NodeId>{b});
    CHECK(graph.dependencies(b) == std::vector<NodeId>{a});
    CHECK(graph.dependencies(a).empty());
}

TEST_CASE("graph: topological order puts dependencies first and keeps insertion order for ties") {
    Graph graph;
    NodeId app = graph.add_node("app");
    NodeId db = graph.add_node("db");
    NodeId net = graph.add_node("net");
    NodeId logs = graph.add_node("logs");
    graph.add_edge(db, app);
    graph.add_edge(net, db);
    graph.add_edge(net, app);
    auto order = graph.topological_order();
    REQUIRE(order);
    CHECK(names(graph, *order) == std::vector<std::string>{"net", "db", "app", "logs"});
    (void)logs;
}

TEST_CASE("graph: an empty graph has an empty order") {
    Graph graph;
    auto order = graph.topological_order();
    REQUIRE(order);
    CHECK(order->empty());
}

TEST_CASE("graph: a cycle is returned as its path") {
    Graph graph;
    NodeId root = graph.add_node("root");
    NodeId a = graph.add_node("a");
    NodeId b = graph.add_node("b");
    NodeId c = graph.add_node("c");
    NodeId tail = graph.add_node("tail");
    graph.add_edge(root, a);
    // a depends on b, b on c, c on a.
    graph.add_edge(b, a);
    graph.add_edge(c, b);
    graph.add_edge(a, c);
    graph.add_edge(c, tail);
    auto order = graph.topological_order();
    REQUIRE_FALSE(order);
    CHECK(names(graph, order.error()) == std::vector<std::string>{"a", "b", "c", "a"});
}

TEST_CASE("graph: a self-edge is a cycle of one") {
    Graph graph;
    NodeId a = graph.add_node("a");
    NodeId b = graph.add_node("b");
    graph.add_edge(a, b);
    graph.add_edge(b, b);
    CHECK(graph.dependencies(b) == std::vector<NodeId>{a});
    auto order = graph.topological_order();
    REQUIRE_FALSE(order);
    CHECK(order.error() == std::vector<NodeId>{b, b});
    CHECK_FALSE(graph.reversed().topological_order());
}

TEST_CASE("graph: cycle diagnostic names the path and every location") {
    Graph graph;
    NodeId a = graph.add_node("a", {"main.yaml", 4, 3});
    NodeId b = graph.add_node("b", {"main.yaml", 9, 3});
    NodeId c = graph.add_node("c");
    graph.add_edge(b, a);
    graph.add_edge(c, b);
    graph.add_edge(a, c);
    auto order = graph.topological_order();
    REQUIRE_FALSE(order);
    Diagnostic diagnostic = cycle_diagnostic(graph, order.error());
    CHECK(diagnostic.severity == Severity::Error);
    CHECK(diagnostic.summary == "dependency cycle: a -> b -> c -> a");
    CHECK(diagnostic.location.to_string() == "main.yaml:4:3");
    CHECK(diagnostic.detail == "Each depends on the next:\n  a (main.yaml:4:3)\n  b (main.yaml:9:3)\n  c");
}

TEST_CASE("graph: reversed turns every edge around") {
    Graph graph;
    NodeId a = graph.add_node("a");
    NodeId b = graph.add_node("b");
    NodeId c = graph.add_node("c");
    graph.add_edge(a, b);
    graph.add_edge(b, c);
    Graph destroy = graph.reversed();
    CHECK(destroy.name(a) == "a");
    CHECK(destroy.dependencies(a) == std::vector<NodeId>{b});
    auto order = destroy.topological_order();
    REQUIRE(order);
    CHECK(*order == std::vector<NodeId>{c, b, a});
}

TEST_CASE("graph: 100,000 nodes in a chain and a fan-out are ordered quickly") {
    Graph graph;
    const std::size_t n = 100000;
    NodeId hub = graph.add_node("hub");
    for (std::size_t i = 1; i < n; ++i) {
        NodeId node = graph.add_node("n" + std::to_string(i));
        graph.add_edge(hub, node);
        if (i > 1) graph.add_edge(node - 1, node);
    }
    auto order = graph.topological_order();
    REQUIRE(order);
    CHECK(order->size() == n);
    CHECK(order->front() == hub);
    CHECK(order->back() == n - 1);
    graph.add_edge(n - 1, 1);  // close the chain into a long cycle
    auto cycle = graph.topological_order();
    REQUIRE_FALSE(cycle);
    CHECK(cycle.error().size() == n);
}
