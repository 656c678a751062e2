#include "plans/apply_graph.h"

#include <algorithm>

#include "core/address.h"

namespace plinth::plans {

std::string config_address_of(const std::string& instance_address) {
    auto parsed = parse_instance_address(instance_address);
    return parsed ? parsed->config_address() : instance_address;
}

namespace {

ModuleInstancePath module_of(const std::string& instance_address) {
    auto parsed = parse_instance_address(instance_address);
    return parsed ? parsed->module : ModuleInstancePath{};
}

// Whether two module instances are instances of the same module call ("module.net[0]" and "module.net[1]").
bool same_module_call(const ModuleInstancePath& a, const ModuleInstancePath& b) {
    return std::ranges::equal(a, b, [](const ModuleStep& x, const ModuleStep& y) { return x.name == y.name; });
}

bool has_apply_step(Action action) { return action != Action::Delete; }
bool has_destroy_step(Action action) {
    return action == Action::Delete || action == Action::DeleteThenCreate || action == Action::CreateThenDelete;
}

bool is_block(const ConfigNode& node) { return node.kind == NodeKind::Resource || node.kind == NodeKind::Data; }

// A resource with no count/for_each and one instance planned: its instance step stands for the block.
bool is_one_object(const ConfigNode& node, const std::vector<Graph::NodeId>& instances) {
    return instances.size() == 1 && !node.resource().repetition.repeated();
}

struct ApplyGraphBuilder {
    ApplyGraph result;
    std::map<std::string, Graph::NodeId> apply_ids;    // by instance address
    std::map<std::string, Graph::NodeId> destroy_ids;  // by instance address
    // The destroy steps of one block, all of them and by the module instance they lie in (all
    // instances of a block lie in instances of one module call).
    struct BlockDestroys {
        std::vector<Graph::NodeId> all;
        std::map<ModuleInstancePath, std::vector<Graph::NodeId>> by_module;
    };
    std::map<std::string, BlockDestroys> destroys_of_block;  // by config address

    // Room for `more` steps beyond those added so far: each part of the graph knows its count
    // before it adds them.
    void reserve(std::size_t more) {
        result.graph.reserve(result.graph.size() + more);
        result.steps.reserve(result.steps.size() + more);
    }

    Graph::NodeId add(ApplyStep step, const std::string& label) {
        result.steps.push_back(step);
        return result.graph.add_node(label);
    }

    void add_change_steps(Plan& plan) {
        std::size_t steps = 0;
        for (const auto& change : plan.changes) steps += has_apply_step(change.action) + has_destroy_step(change.action);
        reserve(steps);
        for (auto& change : plan.changes) {
            if (has_destroy_step(change.action)) {
                auto id = add({ApplyStep::Kind::DestroyInstance, nullptr, &change}, change.address + " (destroy)");
                destroy_ids[change.address] = id;
                auto& block = destroys_of_block[config_address_of(change.address)];
                block.all.push_back(id);
                block.by_module[module_of(change.address)].push_back(id);
            }
            if (has_apply_step(change.action))
                apply_ids[change.address] = add({ApplyStep::Kind::ApplyInstance, nullptr, &change}, change.address);
            if (change.action == Action::DeleteThenCreate)
                result.graph.add_edge(destroy_ids[change.address], apply_ids[change.address]);
            if (change.action == Action::CreateThenDelete)
                result.graph.add_edge(apply_ids[change.address], destroy_ids[change.address]);
        }
        // A dependent's object goes before the objects it depends on. Dependencies are recorded
        // without instance keys; inside one module call they can only be in the dependent's own
        // module instance (anything else would be N x N edges for N instances of a module).
        for (const auto& change : plan.changes) {
            auto dependent = destroy_ids.find(change.address);
            if (dependent == destroy_ids.end()) continue;
            ModuleInstancePath module = module_of(change.address);
            for (const auto& dependency : change.dependencies) {
                auto it = destroys_of_block.find(dependency);
                if (it == destroys_of_block.end()) continue;
                const BlockDestroys& block = it->second;
                const std::vector<Graph::NodeId>* targets = &block.all;
                if (same_module_call(block.by_module.begin()->first, module)) {
                    auto own = block.by_module.find(module);
                    if (own == block.by_module.end()) continue;
                    targets = &own->second;
                }
                for (Graph::NodeId target : *targets) result.graph.add_edge(dependent->second, target);
            }
        }
    }

    // Mirrors the configuration graph: each node's step (or start/end pair) with its instances
    // between, and the configuration's edges from ends to starts. A resource that is one object
    // (no count/for_each, one instance planned) is just its instance step: most are, and the
    // walk then has a third of the steps.
    void add_config_steps(const ConfigGraph& config) {
        std::map<std::string, std::vector<Graph::NodeId>> instances_of_block;
        for (auto& [address, id] : apply_ids) instances_of_block[config_address_of(address)].push_back(id);
        auto instances_of = [&](const ConfigNode& node) {
            return node.kind == NodeKind::Resource ? instances_of_block[node.config_address()] : std::vector<Graph::NodeId>{};
        };
        std::size_t steps = 0;
        for (Graph::NodeId id = 0; id < config.size(); ++id) {
            const ConfigNode& node = config.node(id);
            steps += !is_block(node) ? 1 : is_one_object(node, instances_of(node)) ? 0 : 2;
        }
        reserve(steps);
        std::vector<Graph::NodeId> starts(config.size()), ends(config.size());
        for (Graph::NodeId id = 0; id < config.size(); ++id) {
            const ConfigNode& node = config.node(id);
            std::string name = config.graph().name(id);
            if (!is_block(node)) {
                starts[id] = ends[id] = add({ApplyStep::Kind::Config, &node, nullptr}, name);
                continue;
            }
            std::vector<Graph::NodeId> instances = instances_of(node);
            for (Graph::NodeId instance : instances) result.steps[instance].node = &node;
            if (is_one_object(node, instances)) {
                starts[id] = ends[id] = instances[0];
                continue;
            }
            starts[id] = add({ApplyStep::Kind::BlockStart, &node, nullptr}, name + " (start)");
            ends[id] = add({ApplyStep::Kind::BlockEnd, &node, nullptr}, name);
            result.graph.add_edge(starts[id], ends[id]);
            for (Graph::NodeId instance : instances) {
                result.graph.add_edge(starts[id], instance);
                result.graph.add_edge(instance, ends[id]);
            }
        }
        for (Graph::NodeId id = 0; id < config.size(); ++id)
            for (Graph::NodeId dependency : config.graph().dependencies(id))
                result.graph.add_edge(ends[dependency], starts[id]);
    }
};

}  // namespace

ApplyGraph build_apply_graph(Plan& plan, const ConfigGraph* config) {
    ApplyGraphBuilder builder;
    builder.add_change_steps(plan);
    if (config) builder.add_config_steps(*config);
    return std::move(builder.result);
}

}  // namespace plinth::plans
