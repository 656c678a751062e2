#include "plans/render_graph_html.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <utility>
#include <vector>

#include "plans/apply_graph.h"
#include "plans/graph_layout.h"
#include "plans/graph_nodes.h"
#include "plans/graph_page.h"
#include "plans/json_values.h"

namespace plinth::plans {
namespace {

// graph.css writes labels in 12px monospace: a character is about this wide, and a box has
// 10px of room on either side of its text.
constexpr double k_char_width = 7.3;
constexpr double k_min_width = 110;
constexpr double k_max_width = 340;  // longer labels are cut with an ellipsis on the page

std::string_view kind_id(NodeKind kind) {
    switch (kind) {
    case NodeKind::Variable: return "variable";
    case NodeKind::Local: return "local";
    case NodeKind::Resource: return "resource";
    case NodeKind::Data: return "data";
    case NodeKind::ModuleCall: return "module";
    case NodeKind::Output: return "output";
    }
    return "";
}

// The characters (not bytes) of UTF-8 text.
std::size_t length_of(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// Wide enough for the address and for the subtitle line, which graph.js follows with " · action".
double box_width(const ConfigNode& node, const std::string& action) {
    std::size_t subtitle = length_of(node_subtitle(node)) + (action.empty() ? 0 : action.size() + 3);
    double characters = static_cast<double>(std::max(length_of(node.display_name()), subtitle));
    return std::clamp(characters * k_char_width + 20, k_min_width, k_max_width);
}

PlanJson member(const PlanJson& json, const std::string& key, PlanJson otherwise) {
    return json.is_object() && json.contains(key) ? json[key] : otherwise;
}

PlanJson element(const PlanJson& json, std::size_t index, PlanJson otherwise) {
    return json.is_array() && index < json.size() ? json[index] : otherwise;
}

// A value as the page shows it, from split_json_value's parts (which never hold a sensitive
// value): the known parts as they are, sensitive ones "(sensitive)", unknown ones "(known after
// apply)".
PlanJson masked(const PlanJson& known, const PlanJson& unknown, const PlanJson& sensitive) {
    if (sensitive.is_boolean() && sensitive.get<bool>()) return "(sensitive)";
    if (unknown.is_boolean() && unknown.get<bool>()) return "(known after apply)";
    if (known.is_object()) {
        std::set<std::string> keys;
        for (const PlanJson* part : {&known, &unknown, &sensitive})
            if (part->is_object())
                for (const auto& [key, value] : part->items()) keys.insert(key);
        PlanJson out = PlanJson::object();
        for (const std::string& key : keys)
            out[key] = masked(member(known, key, nullptr), member(unknown, key, false), member(sensitive, key, false));
        return out;
    }
    if (known.is_array()) {
        PlanJson out = PlanJson::array();
        for (std::size_t i = 0; i < known.size(); ++i)
            out.push_back(masked(known[i], element(unknown, i, false), element(sensitive, i, false)));
        return out;
    }
    return known;
}

PlanJson masked_value(const Value& value) {
    JsonValueParts parts = split_json_value(value);
    return masked(parts.known, parts.unknown, parts.sensitive);
}

// Each declared resource's and data source's instances in the plan, with what the plan does to
// each and its planned values (what is deleted shows its last values), by config address.
std::map<std::string, PlanJson> instances_by_node(const Plan& plan) {
    std::map<std::string, PlanJson> found;
    auto add = [&](const std::string& address, std::string_view action, const Value& values) {
        auto [it, inserted] = found.emplace(config_address_of(address), PlanJson::array());
        it->second.push_back({{"address", address}, {"action", action}, {"values", masked_value(values)}});
    };
    for (const auto& change : plan.changes)
        add(change.address, graph_action(change.action), change.action == Action::Delete ? change.before : change.after);
    for (const auto& read : plan.data_reads) add(read.address, read.deferred ? "read" : "no-op", read.result);
    return found;
}

// Where a node is declared; a module's file (an absolute path) relative to the root stack's
// directory, as the user knows it: "../templates/site/stack.yaml:49:3".
std::string declared_at(const ConfigNode& node, SourceLocation location) {
    const ModuleNode* root = node.module;
    while (!root->is_root()) root = root->parent;
    std::filesystem::path file(location.file.str());
    if (file.is_absolute() && !root->stack->dir.empty())
        location.file = file.lexically_relative(root->stack->dir).string();
    return location.to_string();
}

struct PlanFacts {
    std::map<std::string, std::string> actions;
    std::map<std::string, PlanJson> instances;
};

PlanJson node_json(const ConfigGraph& graph, Graph::NodeId id, const NodeBox& box, const PlanFacts* plan) {
    const ConfigNode& node = graph.node(id);
    PlanJson json = {{"address", node.display_name()}, {"kind", kind_id(node.kind)}};
    bool resource = node.kind == NodeKind::Resource || node.kind == NodeKind::Data;
    if (resource) {
        json["type"] = node.resource().type;
        json["provider"] = node.resource().provider;
    }
    if (const SourceLocation& location = graph.node(id).location; location.known())
        json["declared"] = declared_at(node, location);
    json["x"] = box.x;
    json["y"] = box.y;
    json["width"] = box.width;
    json["height"] = box.height;
    auto dependencies = graph.graph().dependencies(id);
    auto dependents = graph.graph().dependents(id);
    json["dependencies"] = std::vector<Graph::NodeId>(dependencies.begin(), dependencies.end());
    json["dependents"] = std::vector<Graph::NodeId>(dependents.begin(), dependents.end());
    if (plan && resource) {
        if (std::string action = node_action(node, plan->actions); !action.empty()) json["action"] = action;
        auto found = plan->instances.find(node.config_address());
        json["instances"] = found == plan->instances.end() ? PlanJson::array() : found->second;
    }
    return json;
}

// JSON that can sit inside a <script> element: every `<` escaped, so that no value can close the
// element (`</script>`) or open a comment (`<!--`).
std::string script_safe(const PlanJson& json) {
    std::string text = json.dump(-1, ' ', false, PlanJson::error_handler_t::replace);
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '<') out += "\\u003c";
        else out += c;
    }
    return out;
}

// graph.html with the style, the data and the script put in at their markers (in that order).
std::string fill_page(const std::string& data) {
    std::string_view page = graph_page_html();
    const std::pair<std::string_view, std::string_view> parts[] = {
        {"/*@plinth-css@*/", graph_page_css()}, {"@plinth-data@", data}, {"/*@plinth-js@*/", graph_page_js()}};
    std::string out;
    std::size_t from = 0;
    for (auto [marker, content] : parts) {
        std::size_t at = page.find(marker, from);
        out.append(page.substr(from, at - from));
        out.append(content);
        from = at + marker.size();
    }
    out.append(page.substr(from));
    return out;
}

}  // namespace

std::string render_graph_html(const ConfigGraph& graph, const Plan* plan, std::string_view title) {
    std::optional<PlanFacts> facts;
    if (plan) facts = PlanFacts{planned_actions(*plan), instances_by_node(*plan)};
    std::vector<double> widths;
    for (Graph::NodeId id = 0; id < graph.size(); ++id)
        widths.push_back(box_width(graph.node(id), facts ? node_action(graph.node(id), facts->actions) : ""));
    GraphLayout layout = layout_graph(graph.graph(), widths);

    PlanJson colours = PlanJson::object();
    for (std::string_view action : k_graph_actions) {
        ActionColours colour = action_colours(action);
        colours[std::string(action)] = {{"fill", colour.fill}, {"border", colour.border}};
    }
    PlanJson nodes = PlanJson::array();
    for (Graph::NodeId id = 0; id < graph.size(); ++id)
        nodes.push_back(node_json(graph, id, layout.boxes[id], facts ? &*facts : nullptr));
    PlanJson data = {{"title", title},       {"plan", plan != nullptr}, {"width", layout.width},
                     {"height", layout.height}, {"actions", colours},      {"nodes", nodes}};
    return fill_page(script_safe(data));
}

}  // namespace plinth::plans
