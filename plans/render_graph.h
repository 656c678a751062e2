// plans/render_graph.h: `plinth graph`: the configuration graph (every variable, local,
// resource, data source, module call and output of the module tree, and what each depends on)
// as Graphviz DOT or a Mermaid flowchart; with a plan, each resource is coloured by what the plan
// does to it. Edges point from a node to what it depends on, as in `terraform graph`.
#pragma once

#include <map>
#include <string>

#include "plans/config_graph.h"
#include "plans/graph_nodes.h"

namespace plinth::plans {

// `actions` (from planned_actions) colours the nodes; empty for the configuration alone.
std::string render_graph_dot(const ConfigGraph& graph, const std::map<std::string, std::string>& actions);
std::string render_graph_mermaid(const ConfigGraph& graph, const std::map<std::string, std::string>& actions);

}  // namespace plinth::plans
