// plans/render_graph_html.h: `plinth graph --format html`: the configuration graph as one
// self-contained HTML page (inline style and script, no request of any kind) that draws the
// graph laid out by plans/graph_layout.h, with pan, zoom, search and a panel showing a clicked
// node's attributes: kind, type, provider, where it is declared, what it depends on and what uses
// it, and with a saved plan its planned action and each instance's planned values, sensitive ones
// masked as "(sensitive)". The page's files are plans/graph_page/*; the graph goes in as JSON.
#pragma once

#include <string>
#include <string_view>

#include "plans/config_graph.h"
#include "plans/plan.h"

namespace plinth::plans {

// `plan` is null for the configuration alone; `title` names the stack.
std::string render_graph_html(const ConfigGraph& graph, const Plan* plan, std::string_view title);

}  // namespace plinth::plans
