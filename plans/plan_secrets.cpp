#include "plans/plan_secrets.h"

#include <fmt/format.h>
#include <set>

#include "plans/conformance.h"

namespace plinth::plans {

namespace {

// `value` with each sensitive part replaced by a sensitive unknown; `redacted` is set when one was.
Value redacted(const Value& value, bool& redacted_any) {
    if (value.is_sensitive() && !value.is_unknown()) {
        redacted_any = true;
        return Value::unknown().mark_sensitive();
    }
    if (value.is_map()) {
        ValueMap members;
        for (const auto& [key, member] : value.as_map()) members.emplace(key, redacted(member, redacted_any));
        return Value(std::move(members));
    }
    if (value.is_list()) {
        ValueList items;
        for (const auto& item : value.as_list()) items.push_back(redacted(item, redacted_any));
        return Value(std::move(items));
    }
    return value;
}

// The paths (as plans/render_diff.h names them) where a sensitive value differs between `before`
// and `after`; inside lists, the list's own path.
void secret_differences(const Value& before, const Value& after, const std::string& path,
                        std::vector<std::string>& paths) {
    if (before == after && !before.contains_sensitive() && !after.contains_sensitive()) return;
    if (before.is_sensitive() || after.is_sensitive()) {
        if (!(before == after)) paths.push_back(path);
        return;
    }
    if (before.is_map() && after.is_map()) {
        static const Value k_null;
        auto member = [](const Value& map, const std::string& key) {
            const Value* found = map.find(key);
            return found ? *found : k_null;
        };
        std::set<std::string> keys;
        for (const auto& [key, value] : before.as_map()) keys.insert(key);
        for (const auto& [key, value] : after.as_map()) keys.insert(key);
        for (const auto& key : keys)
            secret_differences(member(before, key), member(after, key), path.empty() ? key : path + "." + key, paths);
        return;
    }
    if (before.is_list() && after.is_list() && before.contains_sensitive() != after.contains_sensitive()) {
        paths.push_back(path);
        return;
    }
    if (before.is_list() && after.is_list()) {
        std::vector<std::string> inner;
        const auto& old_items = before.as_list();
        const auto& new_items = after.as_list();
        for (std::size_t i = 0; i < std::min(old_items.size(), new_items.size()); ++i)
            secret_differences(old_items[i], new_items[i], path, inner);
        if (!inner.empty()) paths.push_back(path);
    }
}

// A sensitive output's value, wholly: outputs may be marked sensitive without a sensitive value.
Value redacted_output(const Value& value, bool sensitive, bool& redacted_any) {
    if (!sensitive || value.is_null() || value.is_unknown()) return redacted(value, redacted_any);
    redacted_any = true;
    return Value::unknown().mark_sensitive();
}

std::optional<std::string> departure(const std::string& what, const Value& saved, const Value& fresh) {
    auto found = find_nonconformance(saved, fresh);
    if (!found) return std::nullopt;
    return fmt::format("{}: `{}` was planned as {}, now {}", what, found->path, found->planned, found->actual);
}

template <typename List, typename Name>
std::optional<std::string> different_members(const char* what, const List& saved, const List& fresh, Name name) {
    for (std::size_t i = 0; i < std::max(saved.size(), fresh.size()); ++i) {
        if (i >= saved.size()) return fmt::format("{} `{}` was not planned", what, name(fresh[i]));
        if (i >= fresh.size() || name(saved[i]) != name(fresh[i]))
            return fmt::format("{} `{}` is no longer planned", what, name(saved[i]));
    }
    return std::nullopt;
}

}  // namespace

Plan without_secrets(const Plan& plan) {
    Plan sealed = plan;
    bool any = false;
    for (auto& [name, value] : sealed.variables) value = redacted(value, any);
    for (auto& change : sealed.changes) {
        secret_differences(change.before, change.after, "", change.secret_changes);
        change.before = redacted(change.before, any);
        change.after = redacted(change.after, any);
    }
    for (auto& read : sealed.data_reads) read.result = redacted(read.result, any);
    for (auto& resource : sealed.imports) resource.attributes = redacted(resource.attributes, any);
    for (auto& output : sealed.output_changes) {
        bool secret = output.sensitive || output.before.contains_sensitive() || output.after.contains_sensitive();
        output.secret_changed = secret && output.changes();
        output.before = redacted_output(output.before, output.sensitive, any);
        output.after = redacted_output(output.after, output.sensitive, any);
    }
    for (auto& object : sealed.drift) {
        object.before = redacted(object.before, any);
        object.after = redacted(object.after, any);
    }
    sealed.secrets_redacted = any;
    return sealed;
}

std::optional<std::string> find_plan_departure(const Plan& saved, const Plan& fresh) {
    auto change_name = [](const ResourceChange& change) { return change.address; };
    if (auto found = different_members("a change to", saved.changes, fresh.changes, change_name)) return found;
    for (std::size_t i = 0; i < saved.changes.size(); ++i) {
        const ResourceChange& was = saved.changes[i];
        const ResourceChange& now = fresh.changes[i];
        if (was.action != now.action)
            return fmt::format("`{}` was planned to {}, now to {}", was.address, to_string(was.action),
                               to_string(now.action));
        if (auto found = departure(fmt::format("`{}` before", was.address), was.before, now.before)) return found;
        if (auto found = departure(fmt::format("`{}`", was.address), was.after, now.after)) return found;
    }
    auto output_name = [](const OutputChange& change) { return change.name; };
    if (auto found = different_members("a change to output", saved.output_changes, fresh.output_changes, output_name))
        return found;
    for (std::size_t i = 0; i < saved.output_changes.size(); ++i)
        if (auto found = departure(fmt::format("output `{}`", saved.output_changes[i].name),
                                   saved.output_changes[i].after, fresh.output_changes[i].after))
            return found;
    auto drift_name = [](const Drift& drift) { return drift.address; };
    if (auto found = different_members("a change outside plinth to", saved.drift, fresh.drift, drift_name))
        return found;
    for (std::size_t i = 0; i < saved.drift.size(); ++i)
        if (auto found = departure(fmt::format("`{}` as refresh read it", saved.drift[i].address), saved.drift[i].after,
                                   fresh.drift[i].after))
            return found;
    if (saved.forgets != fresh.forgets) return "the resources it forgets are not the same";
    auto move_name = [](const InstanceMove& move) { return move.from + " -> " + move.to; };
    if (auto found = different_members("the move", saved.moves, fresh.moves, move_name)) return found;
    auto import_name = [](const ResourceState& resource) { return resource.address; };
    return different_members("the import of", saved.imports, fresh.imports, import_name);
}

}  // namespace plinth::plans
