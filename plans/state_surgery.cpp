#include "plans/state_surgery.h"

#include <fmt/format.h>

#include "core/address.h"
#include "core/state/state_file.h"
#include "plans/state_moves.h"

namespace plinth::plans {
namespace {

std::expected<std::string, Diagnostic> checked_address(const std::string& text) {
    auto address = parse_state_address(text);
    if (!address) return std::unexpected(make_error(address.error()));
    return address->to_string();
}

std::vector<std::string> addresses_within(const State& state, const std::string& prefix) {
    std::vector<std::string> found;
    for (const auto& [address, resource] : state.resources)
        if (address_within(address, prefix)) found.push_back(address);
    return found;
}

Diagnostic nothing_at(const std::string& address) {
    return make_error(fmt::format("state has no objects at `{}`", address),
                      "`plinth state list` shows the addresses state holds");
}

}  // namespace

std::expected<std::vector<std::string>, Diagnostic> move_in_state(State& state, const std::string& from_text,
                                                                  const std::string& to_text) {
    auto from = checked_address(from_text);
    if (!from) return std::unexpected(from.error());
    auto to = checked_address(to_text);
    if (!to) return std::unexpected(to.error());
    if (*from == *to || address_within(*to, *from) || address_within(*from, *to))
        return std::unexpected(make_error(fmt::format("cannot move `{}` to `{}`", *from, *to), "one is inside the other"));
    auto moving = addresses_within(state, *from);
    if (moving.empty()) return std::unexpected(nothing_at(*from));
    if (!addresses_within(state, *to).empty())
        return std::unexpected(make_error(fmt::format("cannot move `{}` to `{}`: state already has objects there", *from, *to),
                                          "remove them first with `plinth state rm`, or move them elsewhere"));
    std::vector<InstanceMove> moves;
    std::vector<std::string> moved;
    for (const auto& address : moving) {
        moves.push_back(InstanceMove{address, *to + address.substr(from->size())});
        moved.push_back(moves.back().to);
    }
    apply_moves(moves, state);
    return moved;
}

std::expected<std::vector<std::string>, Diagnostic> remove_from_state(State& state,
                                                                      const std::vector<std::string>& addresses) {
    std::vector<std::string> removing;
    for (const auto& text : addresses) {
        auto address = checked_address(text);
        if (!address) return std::unexpected(address.error());
        auto found = addresses_within(state, *address);
        if (found.empty()) return std::unexpected(nothing_at(*address));
        removing.insert(removing.end(), found.begin(), found.end());
    }
    std::vector<std::string> removed;
    for (const auto& address : removing)
        if (state.resources.erase(address) > 0) removed.push_back(address);
    return removed;
}

std::vector<std::string> replace_provider(State& state, const std::string& from, const std::string& to) {
    std::vector<std::string> changed;
    for (auto& [address, resource] : state.resources) {
        if (resource.provider != from) continue;
        resource.provider = to;
        changed.push_back(address);
    }
    return changed;
}

std::expected<void, Diagnostic> check_push(const State& current, const State& pushed) {
    constexpr std::string_view force = "if you are sure, push again with --force";
    if (current.lineage != pushed.lineage && current.serial != 0)
        return std::unexpected(make_error(
            "the pushed state belongs to another lineage",
            fmt::format("state here is lineage {}, the file is lineage {}: it is a different stack's state; {}",
                        current.lineage, pushed.lineage, force)));
    if (pushed.serial < current.serial)
        return std::unexpected(make_error(
            "the pushed state is older than the state here",
            fmt::format("its serial is {}, the state's is {}: someone wrote state since; {}", pushed.serial,
                        current.serial, force)));
    if (pushed.serial == current.serial && serialize_state(pushed) != serialize_state(current))
        return std::unexpected(make_error(
            "the pushed state differs from the state here at the same serial",
            fmt::format("both are serial {} but their contents differ; {}", pushed.serial, force)));
    return {};
}

}  // namespace plinth::plans
