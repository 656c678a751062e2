#include "cli/json_events.h"

#include <ctime>
#include <fmt/format.h>

#include "core/address.h"
#include "core/value_json.h"

namespace plinth::cli {
namespace {

using plans::Action;
using plans::ChangeReason;

// Terraform's words for why a change is planned (plinth's own for an unconfirmed create).
std::optional<std::string_view> reason_of(const plans::ResourceChange& change) {
    switch (change.reason) {
    case ChangeReason::Tainted: return "tainted";
    case ChangeReason::CreateUnconfirmed: return "create_unconfirmed";
    case ChangeReason::RemovedFromStack: return "delete_because_no_resource_config";
    case ChangeReason::InstanceGone: {
        auto address = parse_instance_address(change.address);
        bool counted = address && std::holds_alternative<std::int64_t>(address->key);
        return counted ? "delete_because_count_index" : "delete_because_each_key";
    }
    case ChangeReason::ReplaceTriggered: return "replace_by_triggers";
    case ChangeReason::ReplaceRequested: return "requested";
    case ChangeReason::None: break;
    }
    if (plans::is_replace(change.action)) return "cannot_update";
    return std::nullopt;
}

JsonEvent key_json(const InstanceKey& key) {
    if (const auto* index = std::get_if<std::int64_t>(&key)) return *index;
    if (const auto* name = std::get_if<std::string>(&key)) return *name;
    return nullptr;
}

}  // namespace

JsonEvent resource_json(const std::string& address, const std::string& type, const std::string& provider) {
    JsonEvent resource = {{"addr", address}};
    auto parsed = parse_instance_address(address);
    if (!parsed) {
        resource.update({{"module", ""}, {"resource", address}, {"implied_provider", provider},
                         {"resource_type", type}, {"resource_name", address}, {"resource_key", nullptr}});
        return resource;
    }
    std::string module = to_string(parsed->module);
    std::string local = module.empty() ? address : address.substr(module.size() + 1);
    resource.update({{"module", module},
                     {"resource", local},
                     {"implied_provider", provider},
                     {"resource_type", type},
                     {"resource_name", parsed->name},
                     {"resource_key", key_json(parsed->key)}});
    return resource;
}

std::string_view json_action(Action action) {
    switch (action) {
    case Action::NoOp: return "noop";
    case Action::Create: return "create";
    case Action::Update: return "update";
    case Action::Delete: return "delete";
    case Action::DeleteThenCreate:
    case Action::CreateThenDelete: return "replace";
    }
    return "noop";
}

JsonEvent change_json(const plans::ResourceChange& change) {
    JsonEvent json = {{"resource", resource_json(change.address, change.type, change.provider)},
                      {"action", json_action(change.action)}};
    if (auto reason = reason_of(change)) json["reason"] = *reason;
    return json;
}

JsonEvent drift_json(const plans::Drift& drift) {
    return {{"resource", resource_json(drift.address, drift.type, "")}, {"action", drift.gone ? "delete" : "update"}};
}

JsonEvent summary_json(const plans::Plan::Summary& summary, std::string_view operation) {
    return {{"add", summary.add},
            {"change", summary.change},
            {"import", summary.import},
            {"remove", summary.destroy},
            {"operation", operation}};
}

JsonEvent hook_json(const plans::ResourceChange& change, plans::StepKind step,
                    std::optional<std::chrono::duration<double>> elapsed) {
    std::string_view action = step == plans::StepKind::Destroy ? "delete"
                              : change.action == Action::Update ? "update"
                                                                : "create";
    JsonEvent hook = {{"resource", resource_json(change.address, change.type, change.provider)}, {"action", action}};
    if (elapsed) hook["elapsed_seconds"] = static_cast<long>(elapsed->count());
    return hook;
}

JsonEvent outputs_json(const std::map<std::string, OutputState>& outputs) {
    JsonEvent json = JsonEvent::object();
    for (const auto& [name, output] : outputs) {
        bool sensitive = output.sensitive || output.value.contains_sensitive();
        JsonEvent entry = {{"sensitive", sensitive}};
        if (!sensitive && output.value.is_wholly_known()) entry["value"] = to_json(output.value);
        json[name] = std::move(entry);
    }
    return json;
}

JsonEvent output_changes_json(const std::vector<plans::OutputChange>& changes) {
    JsonEvent json = JsonEvent::object();
    for (const auto& change : changes) {
        std::string_view action = change.removed           ? "delete"
                                  : change.before.is_null() ? "create"
                                  : change.before == change.after ? "noop"
                                                                  : "update";
        json[change.name] = {{"sensitive", change.sensitive}, {"action", action}};
    }
    return json;
}

JsonEvent diagnostic_json(const Diagnostic& diagnostic) {
    JsonEvent json = {{"severity", diagnostic.severity == Severity::Error ? "error" : "warning"},
                      {"summary", diagnostic.summary},
                      {"detail", diagnostic.detail}};
    if (!diagnostic.location.file.empty()) {
        JsonEvent range = {{"filename", diagnostic.location.file.str()}};
        if (diagnostic.location.known())
            range["start"] = {{"line", diagnostic.location.line}, {"column", diagnostic.location.column}};
        json["range"] = std::move(range);
    }
    return json;
}

std::string json_timestamp(std::chrono::system_clock::time_point when) {
    auto micros = std::chrono::duration_cast<std::chrono::microseconds>(when.time_since_epoch()).count();
    std::time_t seconds = static_cast<std::time_t>(micros / 1'000'000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}Z", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
                       utc.tm_hour, utc.tm_min, utc.tm_sec, micros % 1'000'000);
}

}  // namespace plinth::cli
