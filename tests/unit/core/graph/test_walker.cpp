#include <catch2/catch.hpp>

#include <chrono>
#include <mutex>
#include <thread>

#include "core/graph/walker.h"

using namespace plinth;
using NodeId = Graph::NodeId;

namespace {

// A diamond plus an independent pair: d depends on b and c, which depend on a; f on e.
Graph::Builder diamond_builder() {
    Graph::Builder graph;
    for (int i = 0; i < 6; ++i) graph.add_node();
    graph.add_edge(0, 1);
    graph.add_edge(0, 2);
    graph.add_edge(1, 3);
    graph.add_edge(2, 3);
    graph.add_edge(4, 5);
    return graph;
}

Graph diamond() { return diamond_builder().build(); }

// Records the order in which visits start and end.
struct Timeline {
    std::mutex mutex;
    std::vector<std::pair<NodeId, bool>> events;  // (node, true = start / false = end)
    void add(NodeId node, bool start) {
        std::lock_guard lock(mutex);
        events.emplace_back(node, start);
    }
    std::size_t index_of(NodeId node, bool start) const {
        for (std::size_t i = 0; i < events.size(); ++i)
            if (events[i] == std::pair{node, start}) return i;
        return events.size();
    }
};

}  // namespace

TEST_CASE("walker: with parallelism 4 no node starts before its dependencies end") {
    Graph graph = diamond();
    Timeline timeline;
    std::atomic<bool> c_started = false;
    bool b_saw_c = false;
    WalkResult result = walk_graph(graph, 4, [&](NodeId node) {
        timeline.add(node, true);
        if (node == 2) c_started = true;
        // b waits (bounded) for c to start: only a parallel walk lets that happen.
        auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (node == 1 && !c_started && std::chrono::steady_clock::now() < give_up)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        if (node == 1) b_saw_c = c_started;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        timeline.add(node, false);
        return true;
    });
    CHECK(result.ok());
    CHECK(b_saw_c);
    REQUIRE(timeline.events.size() == 12);
    for (NodeId node = 0; node < graph.size(); ++node)
        for (NodeId dependency : graph.dependencies(node))
            CHECK(timeline.index_of(dependency, false) < timeline.index_of(node, true));
}

TEST_CASE("walker: parallelism 1 visits in topological order on the calling thread") {
    Graph graph = diamond();
    std::vector<NodeId> visited;
    auto caller = std::this_thread::get_id();
    bool same_thread = true;
    WalkResult result = walk_graph(graph, 1, [&](NodeId node) {
        same_thread = same_thread && std::this_thread::get_id() == caller;
        visited.push_back(node);
        return true;
    });
    CHECK(result.ok());
    CHECK(same_thread);
    CHECK(visited == *graph.topological_order());
}

TEST_CASE("walker: a failure skips its dependents while independent nodes run") {
    Graph graph = diamond();
    std::mutex mutex;
    std::vector<NodeId> visited;
    WalkResult result = walk_graph(graph, 3, [&](NodeId node) {
        std::lock_guard lock(mutex);
        visited.push_back(node);
        return node != 1;  // b fails
    });
    CHECK(result.failed == std::vector<NodeId>{1});
    CHECK(result.skipped == std::vector<NodeId>{3});
    CHECK_FALSE(result.ok());
    std::sort(visited.begin(), visited.end());
    CHECK(visited == std::vector<NodeId>{0, 1, 2, 4, 5});
}

TEST_CASE("walker: a failure at the root skips everything after it") {
    Graph graph = diamond();
    WalkResult result = walk_graph(graph, 2, [](NodeId node) { return node != 0; });
    CHECK(result.failed == std::vector<NodeId>{0});
    CHECK(result.skipped == std::vector<NodeId>{1, 2, 3});
}

TEST_CASE("walker: the stop flag lets running visits finish and starts no more") {
    Graph::Builder nodes;
    for (int i = 0; i < 50; ++i) nodes.add_node();
    Graph graph = std::move(nodes).build();
    std::atomic<bool> stop = false;
    std::atomic<int> visits = 0;
    WalkResult result = walk_graph(graph, 2, [&](NodeId) {
        if (++visits == 5) stop = true;
        return true;
    }, &stop);
    CHECK(visits.load() >= 5);
    CHECK(visits.load() <= 6);
    CHECK(result.failed.empty());
    CHECK(result.skipped.size() == 50 - static_cast<std::size_t>(visits.load()));
}

TEST_CASE("walker: an exception from a visit is rethrown after the walk") {
    Graph graph = diamond();
    CHECK_THROWS_AS(walk_graph(graph, 2, [](NodeId node) -> bool {
        if (node == 4) throw std::runtime_error("boom");
        return true;
    }), std::runtime_error);
}

TEST_CASE("walker: nodes on a cycle are skipped rather than waited for") {
    Graph::Builder cyclic = diamond_builder();
    cyclic.add_edge(3, 0);
    Graph graph = std::move(cyclic).build();
    WalkResult result = walk_graph(graph, 2, [](NodeId) { return true; });
    CHECK(result.skipped == std::vector<NodeId>{0, 1, 2, 3});
}

TEST_CASE("walker: an empty graph is a successful walk") {
    Graph graph;
    CHECK(walk_graph(graph, 4, [](NodeId) { return true; }).ok());
}

TEST_CASE("walker: 100,000 nodes in a chain and in a fan-out complete") {
    const std::size_t n = 100000;
    Graph::Builder chain_builder;
    Graph::Builder fan_builder;
    NodeId hub = fan_builder.add_node();
    for (std::size_t i = 0; i < n; ++i) {
        NodeId node = chain_builder.add_node();
        if (i > 0) chain_builder.add_edge(node - 1, node);
        fan_builder.add_edge(hub, fan_builder.add_node());
    }
    Graph chain = std::move(chain_builder).build();
    Graph fan = std::move(fan_builder).build();
    std::atomic<std::size_t> count = 0;
    auto visit = [&](NodeId) {
        ++count;
        return true;
    };
    auto start = std::chrono::steady_clock::now();
    CHECK(walk_graph(chain, 4, visit).ok());
    CHECK(walk_graph(fan, 4, visit).ok());
    CHECK(count.load() == 2 * n + 1);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
    // A failing hub skips all 100,000 dependents in one sweep.
    WalkResult failed = walk_graph(fan, 4, [&](NodeId node) { return node != hub; });
    CHECK(failed.skipped.size() == n);
}
