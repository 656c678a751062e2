#include <catch2/catch.hpp>

#include <map>

#include "core/graph/graph.h"

using namespace plinth;
using NodeId = Graph::NodeId;

namespace {

// A graph whose nodes have names, as its owners keep them.
struct Named {
    Graph::Builder builder;
    std::vector<std::string> names;
    std::map<NodeId, SourceLocation> locations;

    NodeId add(std::string name, SourceLocation location = {}) {
        NodeId id = builder.add_node();
        names.push_back(std::move(name));
        if (location.known()) locations[id] = location;
        return id;
    }
    NodeDescription describe(NodeId id) const {
        auto it = locations.find(id);
        return {names[id], it == locations.end() ? SourceLocation{} : it->second};
    }
    std::vector<std::string> names_of(const std::vector<NodeId>& nodes) const {
        std::vector<std::string> out;
        for (NodeId node : nodes) out.push_back(names[node]);
        return out;
    }
};

std::vector<NodeId> ids(std::span<const NodeId> nodes) { return {nodes.begin(), nodes.end()}; }

}  // namespace

TEST_CASE("graph: nodes and edges") {
    Graph::Builder builder;
    NodeId a = builder.add_node();
    NodeId b = builder.add_node();
    builder.add_edge(a, b);
    builder.add_edge(a, b);  // duplicate, kept once
    CHECK(builder.size() == 2);
    Graph graph = std::move(builder).build();
    CHECK(graph.size() == 2);
    CHECK(ids(graph.dependents(a)) == std::vector<NodeId>{b});
    CHECK(ids(graph.dependencies(b)) == std::vector<NodeId>{a});
    CHECK(graph.dependencies(a).empty());
}

TEST_CASE("graph: each list keeps the order its edges were added in, duplicates once") {
    Graph::Builder builder;
    for (int i = 0; i < 5; ++i) builder.add_node();
    builder.add_edge(3, 0);
    builder.add_edge(1, 0);
    builder.add_edge(4, 0);
    builder.add_edge(1, 0);
    builder.add_edge(1, 2);
    builder.add_edge(4, 2);
    builder.add_edge(3, 0);
    Graph graph = std::move(builder).build();
    CHECK(ids(graph.dependencies(0)) == std::vector<NodeId>{3, 1, 4});
    CHECK(ids(graph.dependencies(2)) == std::vector<NodeId>{1, 4});
    CHECK(ids(graph.dependents(1)) == std::vector<NodeId>{0, 2});
    CHECK(ids(graph.dependents(3)) == std::vector<NodeId>{0});
}

TEST_CASE("graph: topological order puts dependencies first and keeps insertion order for ties") {
    Named graph;
    NodeId app = graph.add("app");
    NodeId db = graph.add("db");
    NodeId net = graph.add("net");
    graph.add("logs");
    graph.builder.add_edge(db, app);
    graph.builder.add_edge(net, db);
    graph.builder.add_edge(net, app);
    auto order = std::move(graph.builder).build().topological_order();
    REQUIRE(order);
    CHECK(graph.names_of(*order) == std::vector<std::string>{"net", "db", "app", "logs"});
}

TEST_CASE("graph: an empty graph has an empty order") {
    Graph graph;
    CHECK(graph.size() == 0);
    auto order = graph.topological_order();
    REQUIRE(order);
    CHECK(order->empty());
    auto built = Graph::Builder{}.build().topological_order();
    REQUIRE(built);
    CHECK(built->empty());
}

TEST_CASE("graph: a cycle is returned as its path") {
    Named graph;
    NodeId root = graph.add("root");
    NodeId a = graph.add("a");
    NodeId b = graph.add("b");
    NodeId c = graph.add("c");
    NodeId tail = graph.add("tail");
    graph.builder.add_edge(root, a);
    // a depends on b, b on c, c on a.
    graph.builder.add_edge(b, a);
    graph.builder.add_edge(c, b);
    graph.builder.add_edge(a, c);
    graph.builder.add_edge(c, tail);
    auto order = std::move(graph.builder).build().topological_order();
    REQUIRE_FALSE(order);
    CHECK(graph.names_of(order.error()) == std::vector<std::string>{"a", "b", "c", "a"});
}

TEST_CASE("graph: a self-edge is a cycle of one") {
    Graph::Builder builder;
    NodeId a = builder.add_node();
    NodeId b = builder.add_node();
    builder.add_edge(a, b);
    builder.add_edge(b, b);
    Graph graph = std::move(builder).build();
    CHECK(ids(graph.dependencies(b)) == std::vector<NodeId>{a});
    auto order = graph.topological_order();
    REQUIRE_FALSE(order);
    CHECK(order.error() == std::vector<NodeId>{b, b});
    CHECK_FALSE(graph.reversed().topological_order());
}

TEST_CASE("graph: cycle diagnostic names the path and every location") {
    Named graph;
    NodeId a = graph.add("a", {"main.yaml", 4, 3});
    NodeId b = graph.add("b", {"main.yaml", 9, 3});
    NodeId c = graph.add("c");
    graph.builder.add_edge(b, a);
    graph.builder.add_edge(c, b);
    graph.builder.add_edge(a, c);
    auto order = std::move(graph.builder).build().topological_order();
    REQUIRE_FALSE(order);
    Diagnostic diagnostic = cycle_diagnostic(order.error(), [&](NodeId id) { return graph.describe(id); });
    CHECK(diagnostic.severity == Severity::Error);
    CHECK(diagnostic.summary == "dependency cycle: a -> b -> c -> a");
    CHECK(diagnostic.location.to_string() == "main.yaml:4:3");
    CHECK(diagnostic.detail == "Each depends on the next:\n  a (main.yaml:4:3)\n  b (main.yaml:9:3)\n  c");
}

TEST_CASE("graph: reversed turns every edge around") {
    Graph::Builder builder;
    NodeId a = builder.add_node();
    NodeId b = builder.add_node();
    NodeId c = builder.add_node();
    builder.add_edge(a, b);
    builder.add_edge(b, c);
    Graph destroy = std::move(builder).build().reversed();
    CHECK(destroy.size() == 3);
    CHECK(ids(destroy.dependencies(a)) == std::vector<NodeId>{b});
    CHECK(ids(destroy.dependents(a)).empty());
    auto order = destroy.topological_order();
    REQUIRE(order);
    CHECK(*order == std::vector<NodeId>{c, b, a});
}

TEST_CASE("graph: 100,000 nodes in a chain and a fan-out are ordered quickly") {
    Graph::Builder builder;
    const std::size_t n = 100000;
    NodeId hub = builder.add_node();
    for (std::size_t i = 1; i < n; ++i) {
        NodeId node = builder.add_node();
        builder.add_edge(hub, node);
        if (i > 1) builder.add_edge(node - 1, node);
    }
    Graph::Builder cyclic = builder;
    auto order = std::move(builder).build().topological_order();
    REQUIRE(order);
    CHECK(order->size() == n);
    CHECK(order->front() == hub);
    CHECK(order->back() == n - 1);
    cyclic.add_edge(n - 1, 1);  // close the chain into a long cycle
    auto cycle = std::move(cyclic).build().topological_order();
    REQUIRE_FALSE(cycle);
    CHECK(cycle.error().size() == n);
}
