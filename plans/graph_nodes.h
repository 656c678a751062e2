// plans/graph_nodes.h: what every drawing of the configuration graph (DOT, Mermaid, the HTML
// page) says about a node: the name of its kind, the second line of its label, what a plan does
// to it (the strongest action of its instances) and the colours of each action.
#pragma once

#include <array>
#include <map>
#include <string>
#include <string_view>

#include "plans/config_graph.h"
#include "plans/plan.h"

namespace plinth::plans {

// The actions a drawing shows, from weakest to strongest: an instance replaced outweighs one
// updated.
inline constexpr std::array<std::string_view, 6> k_graph_actions = {"no-op", "read",   "create",
                                                                    "update", "delete", "replace"};

// "no-op", "create", "update", "delete" or "replace" (either order of replacing).
std::string_view graph_action(Action action);

// What a plan does to each declared resource (config address, instances merged): one of
// k_graph_actions, the strongest of its instances' actions; a data source is "read" when its
// reading waits for apply.
std::map<std::string, std::string> planned_actions(const Plan& plan);

// The action of `node` in `actions` (from planned_actions); empty for a node that is no resource
// or data source, or that the plan does not mention.
std::string node_action(const ConfigNode& node, const std::map<std::string, std::string>& actions);

struct ActionColours {
    const char* fill;
    const char* border;
};
// The colours of an action of k_graph_actions; white and grey for "no-op" and anything else.
ActionColours action_colours(std::string_view action);

// "variable", "local", "resource", "data source", "module", "output".
std::string_view kind_label(NodeKind kind);

// The second line of a node's label: the resource type, or what kind of node it is.
std::string node_subtitle(const ConfigNode& node);

}  // namespace plinth::plans
