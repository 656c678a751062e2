#include "plans/apply_graph.h"

namespace plinth::plans {

namespace {

bool has_apply_step(Action action) { return action != Action::Delete; }
bool has_destroy_step(Action action) {
    return action == Action::Delete || action == Action::DeleteThenCreate || action == Action::CreateThenDelete;
}

struct Builder {
    ApplyGraph result;
    std::map<std::string, Graph::NodeId> apply_ids;    // by address
    std::map<std::string, Graph::NodeId> destroy_ids;  // by address

    Graph::NodeId add(ApplyStep step, const std::string& label) {
        result.steps.push_back(std::move(step));
        return result.graph.add_node(label);
    }

    void add_change_steps(const Plan& plan) {
        for (const auto& change : plan.changes) {
            if (has_destroy_step(change.action))
                destroy_ids[change.address] = add({ApplyStep::Kind::DestroyResource, &change, {}}, change.address + " (destroy)");
            if (has_apply_step(change.action))
                apply_ids[change.address] = add({ApplyStep::Kind::ApplyResource, &change, {}}, change.address);
            if (change.action == Action::DeleteThenCreate)
                result.graph.add_edge(destroy_ids[change.address], apply_ids[change.address]);
            if (change.action == Action::CreateThenDelete)
                result.graph.add_edge(apply_ids[change.address], destroy_ids[change.address]);
        }
        // A dependent's object goes before the object it depends on.
        for (const auto& change : plan.changes) {
            auto dependent = destroy_ids.find(change.address);
            if (dependent == destroy_ids.end()) continue;
            for (const auto& dependency : change.dependencies)
                if (auto it = destroy_ids.find(dependency); it != destroy_ids.end())
                    result.graph.add_edge(dependent->second, it->second);
        }
    }

    // Mirrors the configuration graph onto apply, local and output steps.
    void add_config_steps(const StackGraph& config) {
        const Graph& graph = config.graph();
        std::vector<std::optional<Graph::NodeId>> mapped(graph.size());
        for (Graph::NodeId id = 0; id < graph.size(); ++id) {
            const StackNode& node = config.node(id);
            if (node.kind == NodeKind::Resource) {
                if (auto it = apply_ids.find(node.name); it != apply_ids.end()) mapped[id] = it->second;
            } else {
                auto kind = node.kind == NodeKind::Local ? ApplyStep::Kind::Local : ApplyStep::Kind::Output;
                mapped[id] = add({kind, nullptr, node.name}, graph.name(id));
            }
        }
        for (Graph::NodeId id = 0; id < graph.size(); ++id) {
            if (!mapped[id]) continue;
            for (Graph::NodeId dependency : graph.dependencies(id))
                if (mapped[dependency]) result.graph.add_edge(*mapped[dependency], *mapped[id]);
        }
    }
};

}  // namespace

ApplyGraph build_apply_graph(const Plan& plan, const StackGraph* config) {
    Builder builder;
    builder.add_change_steps(plan);
    if (config) builder.add_config_steps(*config);
    return std::move(builder.result);
}

}  // namespace plinth::plans
