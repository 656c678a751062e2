#include "plans/stack_graph.h"

#include <algorithm>
#include <set>

namespace plinth::plans {

std::string node_display_name(NodeKind kind, const std::string& name) {
    switch (kind) {
    case NodeKind::Resource: return name;
    case NodeKind::Local: return "local." + name;
    case NodeKind::Output: return "output." + name;
    }
    return name;
}

namespace {

struct Builder {
    const Stack& stack;
    Graph graph;
    std::vector<StackNode> nodes;
    std::map<std::string, Graph::NodeId> resource_ids;
    std::map<std::string, Graph::NodeId> local_ids;
    Diagnostics diagnostics;

    Graph::NodeId add(NodeKind kind, const std::string& name, const SourceLocation& location) {
        nodes.push_back({kind, name});
        return graph.add_node(node_display_name(kind, name), location);
    }

    void add_nodes() {
        for (const auto& [name, resource] : stack.resources)
            resource_ids[name] = add(NodeKind::Resource, name, resource.location);
        for (const auto& [name, local] : stack.locals) local_ids[name] = add(NodeKind::Local, name, local.location);
        for (const auto& [name, output] : stack.outputs) add(NodeKind::Output, name, output.location);
    }

    // Edges from every reference in `expression` into node `to`.
    void add_reference_edges(const expr::ExpressionPtr& expression, Graph::NodeId to) {
        if (!expression) return;
        for (const auto& reference : expr::collect_references(*expression)) {
            if (reference.root == "var" || reference.root == "path") continue;
            if (reference.root == "local") {
                if (reference.path.empty()) continue;
                auto it = local_ids.find(reference.path[0]);
                if (it != local_ids.end()) graph.add_edge(it->second, to);
                else diagnostics.add_error(fmt_missing("local value", reference.path[0]), {}, reference.location);
                continue;
            }
            auto it = resource_ids.find(reference.root);
            if (it != resource_ids.end()) graph.add_edge(it->second, to);
            else diagnostics.add_error(fmt_missing("resource", reference.root), {}, reference.location);
        }
    }

    static std::string fmt_missing(const std::string& what, const std::string& name) {
        return "reference to undeclared " + what + " `" + name + "`";
    }

    void add_edges() {
        Graph::NodeId id = 0;
        for (const auto& [name, resource] : stack.resources) {
            add_reference_edges(resource.properties, id);
            for (const auto& dependency : resource.depends_on) {
                auto it = resource_ids.find(dependency.target);
                if (it != resource_ids.end()) graph.add_edge(it->second, id);
                else diagnostics.add_error(fmt_missing("resource", dependency.target), {}, dependency.location);
            }
            ++id;
        }
        for (const auto& [name, local] : stack.locals) add_reference_edges(local.value, id++);
        for (const auto& [name, output] : stack.outputs) add_reference_edges(output.value, id++);
    }
};

}  // namespace

std::expected<StackGraph, Diagnostics> StackGraph::build(const Stack& stack) {
    Builder builder{stack, {}, {}, {}, {}, {}};
    builder.add_nodes();
    builder.add_edges();
    if (builder.diagnostics.has_errors()) return std::unexpected(builder.diagnostics);

    auto order = builder.graph.topological_order();
    if (!order) return std::unexpected(Diagnostics(cycle_diagnostic(builder.graph, order.error())));

    StackGraph result;
    result.m_graph = std::move(builder.graph);
    result.m_nodes = std::move(builder.nodes);
    result.m_order = std::move(*order);

    // Resource dependencies through locals: in topological order, each node's set is the union of
    // its predecessors' resources (a resource predecessor contributes itself, a local its set).
    std::vector<std::set<std::string>> reach(result.m_nodes.size());
    for (Graph::NodeId id : result.m_order) {
        for (Graph::NodeId dependency : result.m_graph.dependencies(id)) {
            const StackNode& node = result.m_nodes[dependency];
            if (node.kind == NodeKind::Resource) reach[id].insert(node.name);
            else if (node.kind == NodeKind::Local) reach[id].insert(reach[dependency].begin(), reach[dependency].end());
        }
        if (result.m_nodes[id].kind == NodeKind::Resource)
            result.m_resource_dependencies[result.m_nodes[id].name].assign(reach[id].begin(), reach[id].end());
    }
    return result;
}

const std::vector<std::string>& StackGraph::resource_dependencies(const std::string& resource) const {
    static const std::vector<std::string> k_none;
    auto it = m_resource_dependencies.find(resource);
    return it == m_resource_dependencies.end() ? k_none : it->second;
}

}  // namespace plinth::plans
