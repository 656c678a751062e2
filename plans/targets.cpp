#include "plans/targets.h"

#include <fmt/format.h>
#include <functional>
#include <set>

#include "core/address.h"
#include "plans/apply_graph.h"
#include "plans/state_moves.h"

namespace plinth::plans {

Diagnostics check_targets(const std::vector<std::string>& targets, std::string_view option) {
    Diagnostics diagnostics;
    for (const auto& target : targets) {
        // A module call or instance is an address prefix: it parses once a resource is added.
        if (parse_instance_address(target) || parse_instance_address(target + ".x")) continue;
        diagnostics.add_error(fmt::format("invalid {} `{}`", option, target), parse_instance_address(target).error());
    }
    return diagnostics;
}

namespace {

bool targeted(const std::string& address, const std::vector<std::string>& targets) {
    for (const auto& target : targets)
        if (address_within(address, target)) return true;
    return false;
}

// The config addresses that targeted changes need besides themselves: what they depend on, or
// (destroying) what depends on them, until closed. With `reverse` the other way round: what
// depends on them, or (destroying) what they depend on.
std::set<std::string> needed_blocks(const Plan& plan, const std::vector<std::string>& targets,
                                    const ConfigGraph& graph, bool reverse = false) {
    std::set<std::string> direct;
    for (const auto& change : plan.changes)
        if (targeted(change.address, targets)) direct.insert(config_address_of(change.address));
    std::set<std::string> needed;
    auto reached = [&](const std::string& block) { return direct.contains(block) || needed.contains(block); };
    bool grew = true;
    while (grew) {
        grew = false;
        for (const auto& change : plan.changes) {
            std::string block = config_address_of(change.address);
            if (plan.destroy != reverse) {
                if (reached(block)) continue;
                for (const auto& dependency : change.dependencies)
                    if (reached(dependency)) grew = needed.insert(block).second || grew;
            } else if (reached(block)) {
                const auto& dependencies = plan.destroy ? change.dependencies : graph.resource_dependencies(block);
                for (const auto& dependency : dependencies)
                    if (!direct.contains(dependency)) grew = needed.insert(dependency).second || grew;
            }
        }
    }
    return needed;
}


// Keeps the changes `selected` accepts; the others are dropped, or left as no-ops publishing
// their recorded value.
void keep_selected(Plan& plan, const std::function<bool(const std::string&)>& selected) {
    ResourceChanges kept;
    for (auto& change : plan.changes) {
        if (selected(change.address)) {
            kept.push_back(std::move(change));
        } else if (!plan.destroy && !change.before.is_null()) {
            // Left alone: still published to what references it, with its recorded value.
            change.action = Action::NoOp;
            change.reason = ChangeReason::None;
            change.after = change.before;
            change.replace_paths.clear();
            kept.push_back(std::move(change));
        }
    }
    plan.changes = std::move(kept);
    std::erase_if(plan.deferred, [&](const DeferredBlock& block) { return !selected(block.address); });
    plan.output_changes.clear();
}

}  // namespace

void restrict_to_targets(Plan& plan, const std::vector<std::string>& targets, const ConfigGraph& graph) {
    plan.targets = targets;
    std::set<std::string> needed = needed_blocks(plan, targets, graph);
    keep_selected(plan, [&](const std::string& address) {
        return targeted(address, targets) || needed.contains(config_address_of(address));
    });
    std::erase_if(plan.forgets, [&](const std::string& address) { return !targeted(address, targets); });
    std::erase_if(plan.imports, [&](const ResourceState& resource) { return !targeted(resource.address, targets); });
}

void exclude_from_plan(Plan& plan, const std::vector<std::string>& excludes, const ConfigGraph& graph) {
    plan.excludes = excludes;
    std::set<std::string> dependents = needed_blocks(plan, excludes, graph, true);
    keep_selected(plan, [&](const std::string& address) {
        return !targeted(address, excludes) && !dependents.contains(config_address_of(address));
    });
    std::erase_if(plan.forgets, [&](const std::string& address) { return targeted(address, excludes); });
    std::erase_if(plan.imports, [&](const ResourceState& resource) { return targeted(resource.address, excludes); });
}

}  // namespace plinth::plans
