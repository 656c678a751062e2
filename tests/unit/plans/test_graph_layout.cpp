#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <stdexcept>

#include "plans/graph_layout.h"

using namespace plinth;
using namespace plinth::plans;

namespace {

// A graph of `count` nodes; `edges` are {node, what it depends on}.
Graph graph_of(std::size_t count, const std::vector<std::pair<Graph::NodeId, Graph::NodeId>>& edges) {
    Graph::Builder graph;
    for (std::size_t i = 0; i < count; ++i) graph.add_node();
    for (auto [node, dependency] : edges) graph.add_edge(dependency, node);
    return std::move(graph).build();
}

// A random acyclic graph: node i depends on up to three nodes with smaller ids.
Graph random_dag(std::size_t count, unsigned seed) {
    std::mt19937 random(seed);
    std::vector<std::pair<Graph::NodeId, Graph::NodeId>> edges;
    for (std::size_t node = 1; node < count; ++node) {
        std::uniform_int_distribution<std::size_t> pick(0, node - 1);
        for (int k = static_cast<int>(random() % 4); k > 0; --k) edges.emplace_back(node, pick(random));
    }
    return graph_of(count, edges);
}

// Widths from 60 to 240, as labels of different lengths give.
std::vector<double> widths_for(std::size_t count) {
    std::vector<double> widths;
    for (std::size_t i = 0; i < count; ++i) widths.push_back(60.0 + static_cast<double>((i * 37) % 181));
    return widths;
}

bool overlap(const NodeBox& a, const NodeBox& b) {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

// Every edge goes upwards to an earlier layer, no two boxes overlap, all lie inside the drawing.
void check_layout(const Graph& graph, const GraphLayout& layout) {
    REQUIRE(layout.boxes.size() == graph.size());
    for (Graph::NodeId id = 0; id < graph.size(); ++id) {
        const NodeBox& box = layout.boxes[id];
        for (Graph::NodeId dependency : graph.dependencies(id)) {
            CHECK(box.layer > layout.boxes[dependency].layer);
            CHECK(box.y >= layout.boxes[dependency].y + layout.boxes[dependency].height);
        }
        CHECK(box.x >= 0);
        CHECK(box.y >= 0);
        CHECK(box.x + box.width <= layout.width + 1e-9);
        CHECK(box.y + box.height <= layout.height + 1e-9);
    }
    // Boxes can only meet within a row: sort each row by x and compare neighbours.
    std::map<int, std::vector<const NodeBox*>> rows;
    for (const NodeBox& box : layout.boxes) rows[box.row].push_back(&box);
    for (auto& [row, boxes] : rows) {
        std::sort(boxes.begin(), boxes.end(), [](const NodeBox* a, const NodeBox* b) { return a->x < b->x; });
        for (std::size_t i = 1; i < boxes.size(); ++i) {
            CHECK(boxes[i]->y == boxes[0]->y);
            CHECK_FALSE(overlap(*boxes[i - 1], *boxes[i]));
        }
    }
}

}  // namespace

TEST_CASE("graph_layout: every node lies in a layer below what it depends on") {
    // a <- b <- c, and d depends on a and c.
    Graph graph = graph_of(4, {{1, 0}, {2, 1}, {3, 0}, {3, 2}});
    GraphLayout layout = layout_graph(graph, widths_for(4));
    check_layout(graph, layout);
    CHECK(layout.layers == 4);
    CHECK(layout.boxes[3].layer == 3);
}

TEST_CASE("graph_layout: a node that depends on nothing sits just above its first user") {
    // 0 <- 1 <- 2 <- 3, and 4 (a variable, say) is used only by 3.
    Graph graph = graph_of(5, {{1, 0}, {2, 1}, {3, 2}, {3, 4}});
    GraphLayout layout = layout_graph(graph, widths_for(5));
    check_layout(graph, layout);
    CHECK(layout.boxes[4].layer == 2);
}

TEST_CASE("graph_layout: barycenter sweeps uncross two crossed edges") {
    // Layer 0: a (0), b (1); layer 1: c (2) depends on b, d (3) depends on a.
    Graph graph = graph_of(4, {{2, 1}, {3, 0}});
    GraphLayout layout = layout_graph(graph, {100, 100, 100, 100});
    check_layout(graph, layout);
    CHECK((layout.boxes[0].x < layout.boxes[1].x) == (layout.boxes[3].x < layout.boxes[2].x));
}

TEST_CASE("graph_layout: no two boxes of a random graph overlap") {
    Graph graph = random_dag(300, 7);
    check_layout(graph, layout_graph(graph, widths_for(300)));
}

TEST_CASE("graph_layout: the same graph lays out the same way every time") {
    Graph graph = random_dag(200, 11);
    GraphLayout first = layout_graph(graph, widths_for(200));
    GraphLayout second = layout_graph(graph, widths_for(200));
    REQUIRE(first.boxes.size() == second.boxes.size());
    for (std::size_t i = 0; i < first.boxes.size(); ++i) {
        CHECK(first.boxes[i].row == second.boxes[i].row);
        CHECK(first.boxes[i].x == second.boxes[i].x);
        CHECK(first.boxes[i].y == second.boxes[i].y);
    }
    CHECK(first.width == second.width);
    CHECK(first.height == second.height);
}

TEST_CASE("graph_layout: a wide layer wraps into rows no wider than the limit") {
    // 300 nodes that all use node 0.
    std::vector<std::pair<Graph::NodeId, Graph::NodeId>> edges;
    for (Graph::NodeId i = 1; i <= 300; ++i) edges.emplace_back(i, 0);
    Graph graph = graph_of(301, edges);
    LayoutOptions options;
    options.max_row_width = 1600;
    GraphLayout layout = layout_graph(graph, widths_for(301), options);
    check_layout(graph, layout);
    CHECK(layout.layers == 2);
    CHECK(layout.rows > 10);
    std::map<int, std::pair<double, double>> extent;  // row -> leftmost x, rightmost x
    for (Graph::NodeId id = 1; id <= 300; ++id) {
        const NodeBox& box = layout.boxes[id];
        auto [it, inserted] = extent.emplace(box.row, std::pair{box.x, box.x + box.width});
        it->second = {std::min(it->second.first, box.x), std::max(it->second.second, box.x + box.width)};
    }
    for (const auto& [row, span] : extent) CHECK(span.second - span.first <= options.max_row_width);
}

TEST_CASE("graph_layout: a wrapped layer puts the nodes that others use in its last row") {
    // Nodes 1..100 use node 0; node 50 is also used by node 101.
    std::vector<std::pair<Graph::NodeId, Graph::NodeId>> edges;
    for (Graph::NodeId i = 1; i <= 100; ++i) edges.emplace_back(i, 0);
    edges.emplace_back(101, 50);
    Graph graph = graph_of(102, edges);
    LayoutOptions options;
    options.max_row_width = 1000;
    GraphLayout layout = layout_graph(graph, std::vector<double>(102, 100.0), options);
    check_layout(graph, layout);
    int last_row = 0;
    for (Graph::NodeId i = 1; i <= 100; ++i) last_row = std::max(last_row, layout.boxes[i].row);
    CHECK(layout.boxes[50].row == last_row);
    CHECK(layout.boxes[1].row < last_row);
}

TEST_CASE("graph_layout: a box wider than a row gets a row of its own") {
    Graph graph = graph_of(3, {});
    LayoutOptions options;
    options.max_row_width = 110;  // 40 + 24 + 40 fit in a row; 150 does not
    GraphLayout layout = layout_graph(graph, {150, 40, 40}, options);
    check_layout(graph, layout);
    CHECK(layout.rows == 2);
}

TEST_CASE("graph_layout: a 1,000-node graph lays out") {
    Graph graph = random_dag(1000, 3);
    GraphLayout layout = layout_graph(graph, widths_for(1000));
    check_layout(graph, layout);
    CHECK(layout.layers > 10);
}

TEST_CASE("graph_layout: an empty graph is an empty drawing") {
    GraphLayout layout = layout_graph(Graph{}, {});
    CHECK(layout.boxes.empty());
    CHECK(layout.width == 0);
    CHECK(layout.height == 0);
}

TEST_CASE("graph_layout: a cycle is refused") {
    Graph graph = graph_of(2, {{0, 1}, {1, 0}});
    CHECK_THROWS_AS(layout_graph(graph, {50, 50}), std::invalid_argument);
}
