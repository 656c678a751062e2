#include "plans/apply_graph.h"

#include <algorithm>
#include <optional>

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
    Graph::Builder graph;
    std::map<std::string, Graph::NodeId> apply_ids;  // by instance address
    // A destroy step and where its object lies. All instances of a block lie in instances of one
    // module call. Sorted by block, then module instance, they are found by binary search: a
    // destroy plan of 100,000 objects kept maps of maps of ~300 bytes an object before.
    struct DestroyStep {
        std::string block;  // config address
        ModuleInstancePath module;
        Graph::NodeId id;
        auto operator<=>(const DestroyStep&) const = default;
    };
    std::vector<DestroyStep> destroy_steps;

    // Room for `more` steps beyond those added so far: each part of the graph knows its count
    // before it adds them.
    void reserve(std::size_t more) { result.steps.reserve(result.steps.size() + more); }

    Graph::NodeId add(ApplyStep step) {
        result.steps.push_back(std::move(step));
        return graph.add_node();
    }

    void add_change_steps(Plan& plan) {
        std::size_t steps = 0;
        for (const auto& change : plan.changes) steps += has_apply_step(change.action) + has_destroy_step(change.action);
        reserve(steps);
        destroy_steps.reserve(std::ranges::count_if(plan.changes, [](const auto& c) { return has_destroy_step(c.action); }));
        std::vector<ResourceChange*> changes;
        changes.reserve(plan.changes.size());
        std::vector<std::optional<Graph::NodeId>> destroy_ids;  // by change
        destroy_ids.reserve(plan.changes.size());
        // Each record moves into a block of its own size as the plan's is freed, so the memory
        // of the one serves the other.
        for (; !plan.changes.empty(); plan.changes.pop_front()) {
            auto owned = std::make_unique<ResourceChange>(std::move(plan.changes.front()));
            ResourceChange* change = changes.emplace_back(owned.get());
            std::optional<Graph::NodeId>& destroy_id = destroy_ids.emplace_back();
            if (has_destroy_step(change->action)) {
                destroy_id = add({ApplyStep::Kind::DestroyInstance, nullptr, change, nullptr});
                destroy_steps.push_back({config_address_of(change->address), module_of(change->address), *destroy_id});
            }
            std::optional<Graph::NodeId> apply_id;
            if (has_apply_step(change->action))
                apply_id = apply_ids[change->address] = add({ApplyStep::Kind::ApplyInstance, nullptr, change, nullptr});
            if (change->action == Action::DeleteThenCreate) graph.add_edge(*destroy_id, *apply_id);
            if (change->action == Action::CreateThenDelete) graph.add_edge(*apply_id, *destroy_id);
            bool apply_runs_last = apply_id && change->action != Action::CreateThenDelete;
            result.steps[apply_runs_last ? *apply_id : *destroy_id].owned = std::move(owned);
        }
        std::ranges::sort(destroy_steps);
        // A dependent's object goes before the objects it depends on. Dependencies are recorded
        // without instance keys; inside one module call they can only be in the dependent's own
        // module instance (anything else would be N x N edges for N instances of a module).
        for (std::size_t index = 0; index < changes.size(); ++index) {
            if (!destroy_ids[index]) continue;
            const ResourceChange& change = *changes[index];
            ModuleInstancePath module = module_of(change.address);
            for (const auto& dependency : change.dependencies) {
                auto targets = std::ranges::equal_range(destroy_steps, dependency, {}, &DestroyStep::block);
                if (targets.empty()) continue;
                if (same_module_call(targets.front().module, module))
                    targets = std::ranges::equal_range(targets, module, {}, &DestroyStep::module);
                for (const DestroyStep& target : targets) graph.add_edge(*destroy_ids[index], target.id);
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
            if (!is_block(node)) {
                starts[id] = ends[id] = add({ApplyStep::Kind::Config, &node, nullptr, nullptr});
                continue;
            }
            std::vector<Graph::NodeId> instances = instances_of(node);
            for (Graph::NodeId instance : instances) result.steps[instance].node = &node;
            if (is_one_object(node, instances)) {
                starts[id] = ends[id] = instances[0];
                continue;
            }
            starts[id] = add({ApplyStep::Kind::BlockStart, &node, nullptr, nullptr});
            ends[id] = add({ApplyStep::Kind::BlockEnd, &node, nullptr, nullptr});
            graph.add_edge(starts[id], ends[id]);
            for (Graph::NodeId instance : instances) {
                graph.add_edge(starts[id], instance);
                graph.add_edge(instance, ends[id]);
            }
        }
        for (Graph::NodeId id = 0; id < config.size(); ++id)
            for (Graph::NodeId dependency : config.graph().dependencies(id))
                graph.add_edge(ends[dependency], starts[id]);
    }
};

}  // namespace

ApplyGraph build_apply_graph(Plan& plan, const ConfigGraph* config) {
    ApplyGraphBuilder builder;
    builder.add_change_steps(plan);
    if (config) builder.add_config_steps(*config);
    builder.result.graph = std::move(builder.graph).build();
    return std::move(builder.result);
}

}  // namespace plinth::plans
