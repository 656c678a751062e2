#include "plans/config_graph.h"

#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <tuple>

namespace plinth::plans {

std::string ConfigNode::display_name() const {
    std::string local;
    switch (kind) {
    case NodeKind::Variable: local = "var." + name; break;
    case NodeKind::Local: local = "local." + name; break;
    case NodeKind::Resource: local = name; break;
    case NodeKind::Data: local = "data." + name; break;
    case NodeKind::ModuleCall: local = "module." + name; break;
    case NodeKind::Output: local = "output." + name; break;
    }
    std::string prefix = module->config_path();
    return prefix.empty() ? local : prefix + "." + local;
}

namespace {

using NodeKey = std::tuple<const ModuleNode*, NodeKind, std::string>;

class ConfigGraphBuilder {
public:
    Graph::Builder graph;
    std::vector<ConfigNode> nodes;

    // The number of nodes add_nodes makes for `module` and the modules it calls.
    static std::size_t count_nodes(const ModuleNode& module) {
        const Stack& stack = *module.stack;
        std::size_t count = (module.is_root() ? 0 : stack.variables.size()) + stack.locals.size() +
                            stack.resources.size() + stack.data.size() + stack.modules.size() + stack.outputs.size();
        for (const auto& [name, child] : module.children) count += count_nodes(*child);
        return count;
    }

    void add_nodes(const ModuleNode& module) {
        const Stack& stack = *module.stack;
        if (!module.is_root())
            for (const auto& [name, variable] : stack.variables) add(module, NodeKind::Variable, name, variable.location);
        for (const auto& [name, local] : stack.locals) add(module, NodeKind::Local, name, local.location);
        for (const auto& [name, resource] : stack.resources) add(module, NodeKind::Resource, name, resource.location);
        for (const auto& [name, data] : stack.data) add(module, NodeKind::Data, name, data.location);
        for (const auto& [name, call] : stack.modules) add(module, NodeKind::ModuleCall, name, call.location);
        for (const auto& [name, output] : stack.outputs) add(module, NodeKind::Output, name, output.location);
        for (const auto& [name, child] : module.children) add_nodes(*child);
    }

    void add_edges() {
        for (Graph::NodeId id = 0; id < nodes.size(); ++id) {
            const ConfigNode& node = nodes[id];
            const ModuleNode& module = *node.module;
            // Everything inside a module waits for its call's expansion.
            if (!module.is_root()) edge(find(*module.parent, NodeKind::ModuleCall, module.path.back()), id);
            switch (node.kind) {
            case NodeKind::Variable: {
                const ModuleNode& parent = *module.parent;
                for (const auto& member : expr::literal_map_members(module.call->inputs))
                    if (member.key == node.name) reference_edges(parent, member.value, id);
                break;
            }
            case NodeKind::Local: reference_edges(module, module.stack->locals.at(node.name).value, id); break;
            case NodeKind::Resource:
            case NodeKind::Data: resource_edges(module, node.resource(), id); break;
            case NodeKind::ModuleCall: {
                const ModuleCallDecl& call = module.stack->modules.at(node.name);
                reference_edges(module, call.repetition.count, id);
                reference_edges(module, call.repetition.for_each, id);
                depends_on_edges(module, call.depends_on, id);
                break;
            }
            case NodeKind::Output: reference_edges(module, module.stack->outputs.at(node.name).value, id); break;
            }
        }
    }

    Diagnostics diagnostics;

private:
    std::map<NodeKey, Graph::NodeId> m_ids;

    void add(const ModuleNode& module, NodeKind kind, const std::string& name, const SourceLocation& location) {
        const ResourceDecl* block = nullptr;
        if (kind == NodeKind::Resource) block = &module.stack->resources.at(name);
        if (kind == NodeKind::Data) block = &module.stack->data.at(name);
        nodes.push_back(ConfigNode{kind, &module, name, block, location});
        m_ids[{&module, kind, name}] = graph.add_node();
    }

    std::optional<Graph::NodeId> find(const ModuleNode& module, NodeKind kind, const std::string& name) const {
        auto it = m_ids.find({&module, kind, name});
        if (it == m_ids.end()) return std::nullopt;
        return it->second;
    }

    void edge(std::optional<Graph::NodeId> from, Graph::NodeId to) {
        if (from) graph.add_edge(*from, to);
    }

    void resource_edges(const ModuleNode& module, const ResourceDecl& resource, Graph::NodeId id) {
        reference_edges(module, resource.properties, id);
        reference_edges(module, resource.repetition.count, id);
        reference_edges(module, resource.repetition.for_each, id);
        const Lifecycle& lifecycle = resource.lifecycle();
        reference_edges(module, lifecycle.prevent_destroy, id);
        for (const auto& trigger : lifecycle.replace_triggered_by) reference_edges(module, trigger, id);
        for (const auto* checks : {&lifecycle.preconditions, &lifecycle.postconditions})
            for (const auto& check : *checks) {
                reference_edges(module, check.condition, id);
                reference_edges(module, check.error_message, id);
            }
        depends_on_edges(module, resource.depends_on, id);
    }

    // Every resource and data node inside `module` and the modules below it.
    void subtree_edges(const ModuleNode& module, Graph::NodeId to) {
        for (const auto& [name, resource] : module.stack->resources) edge(find(module, NodeKind::Resource, name), to);
        for (const auto& [name, data] : module.stack->data) edge(find(module, NodeKind::Data, name), to);
        for (const auto& [name, output] : module.stack->outputs) edge(find(module, NodeKind::Output, name), to);
        for (const auto& [name, child] : module.children) subtree_edges(*child, to);
    }

    void depends_on_edges(const ModuleNode& module, const std::vector<DependsOn>& depends_on, Graph::NodeId to) {
        for (const auto& dependency : depends_on) {
            const std::string& target = dependency.target;
            if (target.starts_with("data.")) {
                edge(find(module, NodeKind::Data, target.substr(5)), to);
            } else if (target.starts_with("module.")) {
                auto child = module.children.find(target.substr(7));
                if (child != module.children.end()) subtree_edges(*child->second, to);
            } else {
                edge(find(module, NodeKind::Resource, target), to);
            }
        }
    }

    void reference_edges(const ModuleNode& module, const expr::ExpressionPtr& expression, Graph::NodeId to) {
        if (!expression) return;
        for (const auto& reference : expr::collect_references(*expression)) {
            const std::string& root = reference.root;
            std::string first = reference.path.empty() ? "" : reference.path.front();
            if (root == "var") {
                if (!module.is_root()) edge(find(module, NodeKind::Variable, first), to);
            } else if (root == "local") {
                edge(find(module, NodeKind::Local, first), to);
            } else if (root == "data") {
                edge(find(module, NodeKind::Data, first), to);
            } else if (root == "module") {
                module_reference_edges(module, reference, to);
            } else if (root != "path" && root != "plinth" && root != "count" && root != "each" && root != "self") {
                edge(find(module, NodeKind::Resource, root), to);
            }
        }
    }

    // `module.net.out` depends on that output; `module.net` (or a computed key) on all of them.
    void module_reference_edges(const ModuleNode& module, const expr::Reference& reference, Graph::NodeId to) {
        if (reference.path.empty()) return;
        auto child = module.children.find(reference.path[0]);
        if (child == module.children.end()) return;
        edge(find(module, NodeKind::ModuleCall, reference.path[0]), to);
        const ModuleNode& callee = *child->second;
        std::size_t output_at = callee.call->repetition.repeated() ? 2 : 1;
        if (reference.path.size() > output_at) {
            edge(find(callee, NodeKind::Output, reference.path[output_at]), to);
            return;
        }
        for (const auto& [name, output] : callee.stack->outputs) edge(find(callee, NodeKind::Output, name), to);
    }
};

}  // namespace

std::expected<ConfigGraph, Diagnostics> ConfigGraph::build(const ModuleNode& root) {
    ConfigGraphBuilder builder;
    std::size_t count = ConfigGraphBuilder::count_nodes(root);
    builder.nodes.reserve(count);
    builder.add_nodes(root);
    builder.add_edges();
    Graph graph = std::move(builder.graph).build();
    auto order = graph.topological_order();
    if (!order) {
        auto describe = [&](Graph::NodeId id) {
            return NodeDescription{builder.nodes[id].display_name(), builder.nodes[id].location};
        };
        return std::unexpected(Diagnostics(cycle_diagnostic(order.error(), describe)));
    }

    ConfigGraph result;
    result.m_graph = std::move(graph);
    result.m_nodes = std::move(builder.nodes);
    result.m_order = std::move(*order);

    // Resource dependencies through other nodes: in topological order, each node's set is the
    // union of its predecessors' (a managed resource predecessor contributes itself).
    std::vector<std::set<std::string>> reach(result.m_nodes.size());
    result.m_resource_dependencies.resize(result.m_nodes.size());
    result.m_resources.reserve(std::ranges::count(result.m_nodes, NodeKind::Resource, &ConfigNode::kind));
    for (Graph::NodeId id : result.m_order) {
        for (Graph::NodeId dependency : result.m_graph.dependencies(id)) {
            const ConfigNode& node = result.m_nodes[dependency];
            if (node.kind == NodeKind::Resource) reach[id].insert(node.config_address());
            else reach[id].insert(reach[dependency].begin(), reach[dependency].end());
        }
        const ConfigNode& node = result.m_nodes[id];
        if (node.kind != NodeKind::Resource) continue;
        result.m_resource_dependencies[id].assign(reach[id].begin(), reach[id].end());
        result.m_resources.emplace_back(node.config_address(), id);
    }
    std::ranges::sort(result.m_resources);
    return result;
}

const std::vector<std::string>& ConfigGraph::resource_dependencies(const std::string& config_address) const {
    static const std::vector<std::string> k_none;
    auto id = find_resource(config_address);
    return id ? m_resource_dependencies[*id] : k_none;
}

std::optional<Graph::NodeId> ConfigGraph::find_resource(const std::string& config_address) const {
    auto it = std::ranges::lower_bound(m_resources, config_address, {}, &std::pair<std::string, Graph::NodeId>::first);
    if (it == m_resources.end() || it->first != config_address) return std::nullopt;
    return it->second;
}

}  // namespace plinth::plans
