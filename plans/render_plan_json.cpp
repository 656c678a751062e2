#include "plans/render_plan_json.h"

#include <functional>
#include <map>
#include <set>

#include "core/address.h"
#include "core/version.h"
#include "plans/json_values.h"

namespace plinth::plans {
namespace {

// A module instance's resources and child module instances, as planned_values and state
// values nest them.
struct ModuleValues {
    std::string address;  // "" for the root, "module.net[\"a\"]"
    std::vector<PlanJson> resources;
    std::map<std::string, ModuleValues> children;

    PlanJson to_json() const {
        PlanJson json = PlanJson::object();
        if (!address.empty()) json["address"] = address;
        json["resources"] = resources;
        if (!children.empty()) {
            PlanJson modules = PlanJson::array();
            for (const auto& [name, child] : children) modules.push_back(child.to_json());
            json["child_modules"] = std::move(modules);
        }
        return json;
    }
};

// Where an instance belongs and the identifying fields Terraform writes for it.
struct Identity {
    ModuleInstancePath module;
    PlanJson fields;  // address, module_address?, mode, type, name, index?, provider_name
};

Identity identity(const std::string& address, const std::string& type, const std::string& provider) {
    Identity result;
    auto parsed = parse_instance_address(address);
    result.fields = {{"address", address}};
    if (parsed && !parsed->module.empty()) result.fields["module_address"] = to_string(parsed->module);
    result.fields["mode"] = parsed && parsed->data ? "data" : "managed";
    result.fields["type"] = type;
    result.fields["name"] = parsed ? parsed->name : address;
    if (parsed) {
        if (const auto* index = std::get_if<std::int64_t>(&parsed->key)) result.fields["index"] = *index;
        if (const auto* key = std::get_if<std::string>(&parsed->key)) result.fields["index"] = *key;
        result.module = parsed->module;
    }
    result.fields["provider_name"] = provider;
    return result;
}

void add_to_tree(ModuleValues& root, const ModuleInstancePath& module, PlanJson resource) {
    ModuleValues* node = &root;
    ModuleInstancePath prefix;
    for (const auto& step : module) {
        prefix.push_back(step);
        std::string path = to_string(prefix);
        ModuleValues& child = node->children[path];
        child.address = path;
        node = &child;
    }
    node->resources.push_back(std::move(resource));
}

// Adds the resource object of planned_values or state values to `tree`.
void add_resource_values(const std::string& address, const std::string& type, const std::string& provider,
                         const Value& attributes, ModuleValues& tree) {
    Identity id = identity(address, type, provider);
    JsonValueParts parts = split_json_value(attributes);
    PlanJson resource = id.fields;
    resource.erase("module_address");
    resource["schema_version"] = 0;
    resource["values"] = parts.known.is_null() ? PlanJson::object() : parts.known;
    resource["sensitive_values"] = object_marks(parts.sensitive);
    add_to_tree(tree, id.module, std::move(resource));
}

std::optional<std::string> action_reason(const ResourceChange& change) {
    switch (change.reason) {
    case ChangeReason::Tainted: return "replace_because_tainted";
    case ChangeReason::RemovedFromStack: return "delete_because_no_resource_config";
    case ChangeReason::InstanceGone: return "delete_because_no_instance";
    case ChangeReason::ReplaceTriggered: return "replace_by_triggers";
    case ChangeReason::ReplaceRequested: return "replace_by_request";
    case ChangeReason::CreateUnconfirmed: return "create_unconfirmed";
    case ChangeReason::None: break;
    }
    if (is_replace(change.action)) return "replace_because_cannot_update";
    return std::nullopt;
}

// {actions, before, after, after_unknown, before_sensitive, after_sensitive}.
PlanJson change_body(PlanJson actions, const Value& before, const Value& after) {
    JsonValueParts old_parts = split_json_value(before);
    JsonValueParts new_parts = split_json_value(after);
    bool creating = before.is_null();
    bool deleting = after.is_null();
    return {{"actions", std::move(actions)},
            {"before", old_parts.known},
            {"after", new_parts.known},
            {"after_unknown", deleting ? PlanJson::object() : object_marks(new_parts.unknown)},
            {"before_sensitive", creating ? PlanJson(false) : object_marks(old_parts.sensitive)},
            {"after_sensitive", deleting ? PlanJson(false) : object_marks(new_parts.sensitive)}};
}

// ["content"] -> [["content"]]; "tags.k" -> [["tags", "k"]].
PlanJson replace_paths(const std::vector<std::string>& paths) {
    PlanJson json = PlanJson::array();
    for (const auto& path : paths) {
        PlanJson steps = PlanJson::array();
        std::size_t start = 0;
        for (std::size_t dot = path.find('.'); ; dot = path.find('.', start)) {
            steps.push_back(path.substr(start, dot - start));
            if (dot == std::string::npos) break;
            start = dot + 1;
        }
        json.push_back(std::move(steps));
    }
    return json;
}

PlanJson resource_changes(const Plan& plan) {
    std::map<std::string, std::string> moved_from;
    for (const auto& move : plan.moves) moved_from[move.to] = move.from;
    std::map<std::string, std::string> imported_id;
    for (const auto& resource : plan.imports) imported_id[resource.address] = resource.id;

    PlanJson changes = PlanJson::array();
    for (const auto& change : plan.changes) {
        PlanJson entry = identity(change.address, change.type, change.provider).fields;
        if (auto from = moved_from.find(change.address); from != moved_from.end())
            entry["previous_address"] = from->second;
        PlanJson body = change_body(terraform_actions(change.action), change.before, change.after);
        if (!change.replace_paths.empty()) body["replace_paths"] = replace_paths(change.replace_paths);
        if (auto id = imported_id.find(change.address); id != imported_id.end())
            body["importing"] = {{"id", id->second}};
        entry["change"] = std::move(body);
        if (auto reason = action_reason(change)) entry["action_reason"] = *reason;
        changes.push_back(std::move(entry));
    }
    for (const auto& read : plan.data_reads) {
        if (!read.deferred) continue;
        PlanJson entry = identity(read.address, read.type, read.provider).fields;
        entry["change"] = change_body({"read"}, Value(), read.result);
        entry["action_reason"] = "read_because_config_unknown";
        changes.push_back(std::move(entry));
    }
    for (const auto& address : plan.forgets) {
        PlanJson entry = identity(address, "", "").fields;
        entry["change"] = change_body({"forget"}, Value(), Value());
        changes.push_back(std::move(entry));
    }
    return changes;
}

PlanJson resource_drift(const std::vector<Drift>& drift) {
    PlanJson json = PlanJson::array();
    for (const auto& object : drift) {
        PlanJson entry = identity(object.address, object.type, "").fields;
        entry["change"] = change_body({object.gone ? "delete" : "update"}, object.before, object.after);
        json.push_back(std::move(entry));
    }
    return json;
}

// {"NAME": {"sensitive", "value"?}}: a sensitive or unknown value is left out.
PlanJson output_values(const std::map<std::string, std::pair<Value, bool>>& outputs) {
    PlanJson json = PlanJson::object();
    for (const auto& [name, output] : outputs) {
        const auto& [value, declared_sensitive] = output;
        bool sensitive = declared_sensitive || value.contains_sensitive();
        PlanJson entry = {{"sensitive", sensitive}};
        if (!sensitive && value.is_wholly_known()) entry["value"] = split_json_value(value).known;
        json[name] = std::move(entry);
    }
    return json;
}

PlanJson output_changes(const Plan& plan) {
    PlanJson json = PlanJson::object();
    for (const auto& output : plan.output_changes) {
        PlanJson actions = output.removed                       ? PlanJson{"delete"}
                           : output.before.is_null()             ? PlanJson{"create"}
                           : !output.changes()                    ? PlanJson{"no-op"}
                                                                  : PlanJson{"update"};
        Value before = output.before;
        Value after = output.after;
        if (output.sensitive) {
            before.mark_sensitive(!before.is_null());
            after.mark_sensitive(!after.is_null());
        }
        PlanJson body = change_body(std::move(actions), before, after);
        if (after.is_unknown()) body["after_unknown"] = true;
        json[output.name] = std::move(body);
    }
    return json;
}

PlanJson planned_values(const Plan& plan) {
    ModuleValues tree;
    for (const auto& change : plan.changes)
        if (change.action != Action::Delete) add_resource_values(change.address, change.type, change.provider, change.after, tree);
    for (const auto& read : plan.data_reads)
        if (!read.deferred) add_resource_values(read.address, read.type, read.provider, read.result, tree);
    std::map<std::string, std::pair<Value, bool>> outputs;
    for (const auto& output : plan.output_changes)
        if (!output.removed) outputs[output.name] = {output.after, output.sensitive};
    return {{"outputs", output_values(outputs)}, {"root_module", tree.to_json()}};
}

// The state the plan was made against, as far as its changes record it.
PlanJson prior_state(const Plan& plan) {
    ModuleValues tree;
    for (const auto& change : plan.changes)
        if (!change.before.is_null()) add_resource_values(change.address, change.type, change.provider, change.before, tree);
    std::map<std::string, std::pair<Value, bool>> outputs;
    for (const auto& output : plan.output_changes)
        if (!output.before.is_null()) outputs[output.name] = {output.before, output.sensitive};
    return {{"format_version", "1.0"},
            {"terraform_version", k_terraform_json_compat},
            {"values", {{"outputs", output_values(outputs)}, {"root_module", tree.to_json()}}}};
}

// The configuration as a plan knows it: each declared resource (config address, type, provider)
// in its module, nested through module_calls.
PlanJson configuration(const Plan& plan) {
    struct ModuleConfig {
        std::map<std::string, PlanJson> resources;
        std::map<std::string, ModuleConfig> calls;
    };
    ModuleConfig root;
    std::set<std::string> providers;
    auto declare = [&](const std::string& address, const std::string& type, const std::string& provider) {
        auto parsed = parse_instance_address(address);
        if (!parsed) return;
        ModuleConfig* module = &root;
        for (const auto& step : parsed->module) module = &module->calls[step.name];
        std::string local = (parsed->data ? "data." : "") + parsed->name;
        module->resources[local] = {{"address", local},
                                    {"mode", parsed->data ? "data" : "managed"},
                                    {"type", type},
                                    {"name", parsed->name},
                                    {"provider_config_key", provider}};
        providers.insert(provider);
    };
    for (const auto& change : plan.changes) declare(change.address, change.type, change.provider);
    for (const auto& read : plan.data_reads) declare(read.address, read.type, read.provider);

    std::function<PlanJson(const ModuleConfig&)> module_json = [&](const ModuleConfig& module) {
        PlanJson json = {{"resources", PlanJson::array()}};
        for (const auto& [address, resource] : module.resources) json["resources"].push_back(resource);
        if (!module.calls.empty()) {
            PlanJson calls = PlanJson::object();
            for (const auto& [name, call] : module.calls) calls[name] = {{"module", module_json(call)}};
            json["module_calls"] = std::move(calls);
        }
        return json;
    };
    PlanJson provider_config = PlanJson::object();
    for (const auto& provider : providers) provider_config[provider] = {{"name", provider}};
    return {{"provider_config", std::move(provider_config)}, {"root_module", module_json(root)}};
}

PlanJson variables(const Plan& plan) {
    PlanJson json = PlanJson::object();
    for (const auto& [name, value] : plan.variables) {
        bool sensitive = value.contains_sensitive();
        json[name] = sensitive ? PlanJson{{"sensitive", true}} : PlanJson{{"value", split_json_value(value).known}};
    }
    return json;
}

}  // namespace

std::string render_plan_json(const Plan& plan) {
    PlanJson json = {{"format_version", "1.2"},
                     {"terraform_version", k_terraform_json_compat},
                     {"plinth_version", k_version},
                     {"variables", variables(plan)},
                     {"planned_values", planned_values(plan)},
                     {"resource_drift", resource_drift(plan.drift)},
                     {"resource_changes", resource_changes(plan)},
                     {"output_changes", output_changes(plan)},
                     {"prior_state", prior_state(plan)},
                     {"configuration", configuration(plan)},
                     {"applyable", plan.has_changes()},
                     {"complete", plan.deferred.empty()},
                     {"errored", false}};
    if (plan.refresh_only) json["refresh_only"] = true;
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string render_state_json(const State& state) {
    ModuleValues tree;
    for (const auto& [address, resource] : state.resources)
        add_resource_values(address, resource.type, resource.provider, resource.attributes, tree);
    std::map<std::string, std::pair<Value, bool>> outputs;
    for (const auto& [name, output] : state.outputs) outputs[name] = {output.value, output.sensitive};
    PlanJson json = {{"format_version", "1.0"},
                     {"terraform_version", k_terraform_json_compat},
                     {"plinth_version", k_version},
                     {"values", {{"outputs", output_values(outputs)}, {"root_module", tree.to_json()}}}};
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace plinth::plans
