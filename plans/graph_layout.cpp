#include "plans/graph_layout.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <utility>

namespace plinth::plans {
namespace {

using NodeId = Graph::NodeId;
using Row = std::vector<NodeId>;

// Longest path from the nodes that depend on nothing; then each such node moves down to just
// above the first node that uses it, which shortens its edges and keeps every variable of the
// stack out of the top layer.
std::vector<int> assign_layers(const Graph& graph) {
    auto order = graph.topological_order();
    if (!order) throw std::invalid_argument("layout_graph: the graph has a cycle");
    std::vector<int> layer(graph.size(), 0);
    for (NodeId id : *order)
        for (NodeId dependency : graph.dependencies(id)) layer[id] = std::max(layer[id], layer[dependency] + 1);
    for (NodeId id : *order) {
        if (!graph.dependencies(id).empty() || graph.dependents(id).empty()) continue;
        int above = std::numeric_limits<int>::max();
        for (NodeId dependent : graph.dependents(id)) above = std::min(above, layer[dependent] - 1);
        layer[id] = above;
    }
    return layer;
}

// The neighbours of a node in the layers above it (what it depends on) or below it.
std::span<const NodeId> neighbours(const Graph& graph, NodeId id, bool above) {
    return above ? graph.dependencies(id) : graph.dependents(id);
}

// Each node's place in its layer scaled into (0, 1), so that layers of different sizes compare.
void record_positions(const Row& layer, std::vector<double>& position) {
    for (std::size_t i = 0; i < layer.size(); ++i)
        position[layer[i]] = (static_cast<double>(i) + 0.5) / static_cast<double>(layer.size());
}

// Sorts `layer` by the mean position of each node's neighbours above or below; a node without
// any keeps its own position as its key. Ties keep their order, so the result is deterministic.
void sort_by_barycenter(const Graph& graph, bool above, Row& layer, std::vector<double>& position) {
    std::vector<std::pair<double, NodeId>> keyed;
    keyed.reserve(layer.size());
    for (NodeId id : layer) {
        auto next = neighbours(graph, id, above);
        double key = position[id];
        if (!next.empty()) {
            double sum = 0;
            for (NodeId neighbour : next) sum += position[neighbour];
            key = sum / static_cast<double>(next.size());
        }
        keyed.emplace_back(key, id);
    }
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < keyed.size(); ++i) layer[i] = keyed[i].second;
    record_positions(layer, position);
}

// The nodes of each layer, ordered by alternating downward and upward barycenter sweeps.
std::vector<Row> order_layers(const Graph& graph, const std::vector<int>& layer_of, int sweeps) {
    int count = layer_of.empty() ? 0 : *std::max_element(layer_of.begin(), layer_of.end()) + 1;
    std::vector<Row> layers(static_cast<std::size_t>(count));
    for (NodeId id = 0; id < graph.size(); ++id) layers[static_cast<std::size_t>(layer_of[id])].push_back(id);
    std::vector<double> position(graph.size(), 0.0);
    for (const Row& layer : layers) record_positions(layer, position);
    for (int sweep = 0; sweep < sweeps; ++sweep) {
        bool downwards = sweep % 2 == 0;
        if (downwards)
            for (std::size_t i = 1; i < layers.size(); ++i) sort_by_barycenter(graph, true, layers[i], position);
        else
            for (std::size_t i = layers.size(); i-- > 1;) sort_by_barycenter(graph, false, layers[i - 1], position);
    }
    return layers;
}

double total_width(const Row& layer, const std::vector<double>& widths, double gap) {
    double total = 0;
    for (NodeId id : layer) total += widths[id] + gap;
    return total - gap;
}

// A layer cut, in order, into rows no wider than max_row_width (a row holds at least one box).
// When it wraps, the nodes nothing uses go first, so that the nodes with edges to the layers
// below sit in the last rows, nearest to them.
std::vector<Row> wrap_layer(const Graph& graph, Row layer, const std::vector<double>& widths,
                            const LayoutOptions& options) {
    if (total_width(layer, widths, options.node_gap) > options.max_row_width)
        std::stable_partition(layer.begin(), layer.end(), [&](NodeId id) { return graph.dependents(id).empty(); });
    std::vector<Row> rows;
    double used = 0;  // the width of the last row so far
    for (NodeId id : layer) {
        if (rows.empty() || used + options.node_gap + widths[id] > options.max_row_width) {
            rows.emplace_back();
            used = -options.node_gap;
        }
        rows.back().push_back(id);
        used += options.node_gap + widths[id];
    }
    return rows;
}

double center(const NodeBox& box) { return box.x + box.width / 2; }

// Places a row: each box as near the center it wants as the order allows (boxes at least `gap`
// apart, pushed rightwards), then the whole row shifted by the mean of how far the boxes are off.
void place_row(const Row& row, const std::vector<double>& wanted, std::vector<NodeBox>& boxes, double gap) {
    double right = 0;
    double off = 0;
    for (NodeId id : row) {
        NodeBox& box = boxes[id];
        double want = wanted[id] - box.width / 2;
        box.x = id == row.front() ? want : std::max(want, right + gap);
        right = box.x + box.width;
        off += want - box.x;
    }
    double shift = off / static_cast<double>(row.size());
    for (NodeId id : row) boxes[id].x += shift;
}

// One coordinate pass over the rows, top to bottom (each box under the mean of what it depends
// on) or bottom to top (over the mean of what uses it); a box with no such neighbour stays.
void placement_pass(const Graph& graph, const std::vector<Row>& rows, bool from_above, std::vector<NodeBox>& boxes,
                    double gap) {
    std::vector<double> wanted(boxes.size(), 0.0);
    auto place = [&](const Row& row) {
        for (NodeId id : row) {
            const auto& next = neighbours(graph, id, from_above);
            double sum = 0;
            for (NodeId neighbour : next) sum += center(boxes[neighbour]);
            wanted[id] = next.empty() ? center(boxes[id]) : sum / static_cast<double>(next.size());
        }
        place_row(row, wanted, boxes, gap);
    };
    if (from_above)
        for (const Row& row : rows) place(row);
    else
        for (auto it = rows.rbegin(); it != rows.rend(); ++it) place(*it);
}

}  // namespace

GraphLayout layout_graph(const Graph& graph, const std::vector<double>& widths, const LayoutOptions& options) {
    GraphLayout layout;
    layout.boxes.resize(graph.size());
    std::vector<Row> layers = order_layers(graph, assign_layers(graph), options.crossing_sweeps);
    std::vector<Row> rows;  // every row of the drawing, top to bottom
    double y = 0;
    for (std::size_t layer = 0; layer < layers.size(); ++layer) {
        if (layer > 0) y += options.layer_gap - options.row_gap;
        for (Row& row : wrap_layer(graph, layers[layer], widths, options)) {
            double x = 0;
            for (NodeId id : row) {
                layout.boxes[id] = {static_cast<int>(layer), static_cast<int>(rows.size()), x, y, widths[id],
                                    options.node_height};
                x += widths[id] + options.node_gap;
            }
            y += options.node_height + options.row_gap;
            rows.push_back(std::move(row));
        }
    }
    for (int pass = 0; pass < options.placement_passes; ++pass)
        placement_pass(graph, rows, pass % 2 == 0, layout.boxes, options.node_gap);
    double left = std::numeric_limits<double>::max();
    for (const NodeBox& box : layout.boxes) left = std::min(left, box.x);
    for (NodeBox& box : layout.boxes) {
        box.x -= left;
        layout.width = std::max(layout.width, box.x + box.width);
        layout.height = std::max(layout.height, box.y + box.height);
    }
    layout.layers = static_cast<int>(layers.size());
    layout.rows = static_cast<int>(rows.size());
    return layout;
}

}  // namespace plinth::plans
