#include "plans/state_moves.h"

#include <fmt/format.h>
#include <set>

#include "core/address.h"

namespace plinth::plans {

bool address_within(const std::string& address, const std::string& prefix) {
    if (address == prefix) return true;
    return address.size() > prefix.size() && address.starts_with(prefix) &&
           (address[prefix.size()] == '[' || address[prefix.size()] == '.');
}

namespace {

// The module instances of `module` that state has objects in: "module.site[\"blog\"]", ...
std::set<std::string> instances_in_state(const ModuleNode& module, const State& state) {
    std::set<std::string> prefixes;
    for (const auto& [address, resource] : state.resources) {
        auto parsed = parse_instance_address(address);
        if (!parsed || parsed->module.size() < module.path.size()) continue;
        ModuleInstancePath prefix(parsed->module.begin(), parsed->module.begin() + module.path.size());
        bool same = true;
        for (std::size_t i = 0; i < prefix.size(); ++i) same = same && prefix[i].name == module.path[i];
        if (same) prefixes.insert(to_string(prefix));
    }
    return prefixes;
}

}  // namespace

StateEdits state_edits(const ModuleNode& root, const State& state) {
    StateEdits edits;
    for_each_module(root, [&](const ModuleNode& module) {
        if (module.stack->moved.empty() && module.stack->removed.empty()) return;
        std::set<std::string> prefixes = module.is_root() ? std::set<std::string>{""} : instances_in_state(module, state);
        for (const auto& prefix : prefixes) {
            auto absolute = [&](const std::string& address) { return prefix.empty() ? address : prefix + "." + address; };
            for (const auto& entry : module.stack->moved)
                edits.moved.push_back(MovedDecl{absolute(entry.from), absolute(entry.to), entry.location});
            for (const auto& entry : module.stack->removed)
                edits.removed.push_back(RemovedDecl{absolute(entry.from), entry.location});
        }
    });
    return edits;
}

std::expected<std::vector<InstanceMove>, Diagnostics> plan_moves(const std::vector<MovedDecl>& moved,
                                                                 const State& state) {
    std::vector<InstanceMove> moves;
    Diagnostics diagnostics;
    std::set<std::string> taken;  // addresses already moved into
    for (const auto& entry : moved) {
        if (entry.from == entry.to || address_within(entry.to, entry.from) || address_within(entry.from, entry.to)) {
            diagnostics.add_error(fmt::format("cannot move `{}` to `{}`", entry.from, entry.to),
                                  "one is inside the other", entry.location);
            continue;
        }
        std::vector<InstanceMove> found;
        bool target_occupied = false;
        for (const auto& [address, resource] : state.resources) {
            if (address_within(address, entry.from))
                found.push_back(InstanceMove{address, entry.to + address.substr(entry.from.size())});
            target_occupied = target_occupied || address_within(address, entry.to);
        }
        if (found.empty()) continue;
        if (target_occupied) {
            diagnostics.add_error(fmt::format("cannot move `{}` to `{}`: state already has objects there", entry.from,
                                              entry.to),
                                  "remove the `moved` entry, or the objects at its `to` (`plinth state rm`)",
                                  entry.location);
            continue;
        }
        for (auto& move : found) {
            if (!taken.insert(move.to).second) {
                diagnostics.add_error(fmt::format("two `moved` entries move objects to `{}`", move.to), {},
                                      entry.location);
                continue;
            }
            moves.push_back(std::move(move));
        }
    }
    if (diagnostics.has_errors()) return std::unexpected(std::move(diagnostics));
    return moves;
}

void apply_moves(const std::vector<InstanceMove>& moves, State& state) {
    for (const auto& move : moves) {
        auto node = state.resources.extract(move.from);
        if (node.empty()) continue;
        node.key() = move.to;
        node.mapped().address = move.to;
        state.resources.insert(std::move(node));
    }
}

std::vector<std::string> removed_objects(const std::vector<RemovedDecl>& removed, const State& state) {
    std::vector<std::string> addresses;
    for (const auto& [address, resource] : state.resources)
        for (const auto& entry : removed)
            if (address_within(address, entry.from)) {
                addresses.push_back(address);
                break;
            }
    return addresses;
}

}  // namespace plinth::plans
