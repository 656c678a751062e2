// plans/graph_layout.h: a layered drawing of a directed acyclic graph (Sugiyama style) for the
// HTML page of `plinth graph`. Every node gets a layer below everything it depends on (longest
// path from the nodes that depend on nothing; such a node is then moved down to just above the
// first node that uses it), an order within its layer from a few barycenter sweeps that reduce
// edge crossings, and a box with no two boxes overlapping. A layer wider than `max_row_width`
// wraps into several rows, so one resource that hundreds of others use stays readable. Each
// sweep and placement pass is linear in nodes and edges, plus a sort per layer.
#pragma once

#include <vector>

#include "core/graph/graph.h"

namespace plinth::plans {

struct LayoutOptions {
    double node_height = 40;
    double node_gap = 24;          // horizontal space between neighbouring boxes of a row
    double row_gap = 16;           // vertical space between the rows of one wrapped layer
    double layer_gap = 56;         // vertical space between layers
    double max_row_width = 2400;   // a layer wider than this wraps; a row holds at least one box
    int crossing_sweeps = 4;       // barycenter sweeps, alternately downwards and upwards
    int placement_passes = 3;      // coordinate passes, alternately from above and from below
};

// A node's place in the drawing; y grows downwards.
struct NodeBox {
    int layer = 0;  // greater than the layer of everything the node depends on
    int row = 0;    // the row of the whole drawing, from the top; a layer's rows are consecutive
    double x = 0;   // left edge
    double y = 0;   // top edge
    double width = 0;
    double height = 0;
};

struct GraphLayout {
    std::vector<NodeBox> boxes;  // by node id
    // Every box lies within [0, width] x [0, height].
    double width = 0;
    double height = 0;
    int layers = 0;
    int rows = 0;
};

// Lays out `graph`, whose node `id` is a box `widths[id]` wide. The graph must be acyclic
// (ConfigGraph::build checks that); a cycle is a programming error and throws
// std::invalid_argument.
GraphLayout layout_graph(const Graph& graph, const std::vector<double>& widths, const LayoutOptions& options = {});

}  // namespace plinth::plans
