#include "plans/plan_file.h"

#include <array>
#include <functional>
#include <optional>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/state/state_file.h"
#include "core/value_json.h"
#include "core/version.h"
#include "plans/plan_secrets.h"

namespace plinth::plans {

namespace {
using Json = nlohmann::json;
// Written in declaration order, so the format marker comes first in the file.
using OrderedJson = nlohmann::ordered_json;

constexpr const char* k_format_key = "plinth_plan_format";
constexpr const char* k_version_key = "plinth_version";

constexpr std::array k_actions = {Action::NoOp, Action::Create, Action::Update,
                                  Action::Delete, Action::DeleteThenCreate, Action::CreateThenDelete};
constexpr std::array k_reasons = {ChangeReason::None, ChangeReason::Tainted, ChangeReason::CreateUnconfirmed,
                                  ChangeReason::RemovedFromStack, ChangeReason::InstanceGone,
                                  ChangeReason::ReplaceTriggered, ChangeReason::ReplaceRequested};

std::string_view reason_name(ChangeReason reason) {
    switch (reason) {
    case ChangeReason::None: return "none";
    case ChangeReason::Tainted: return "tainted";
    case ChangeReason::CreateUnconfirmed: return "create-unconfirmed";
    case ChangeReason::RemovedFromStack: return "removed-from-stack";
    case ChangeReason::InstanceGone: return "instance-gone";
    case ChangeReason::ReplaceTriggered: return "replace-triggered";
    case ChangeReason::ReplaceRequested: return "replace-requested";
    }
    return "?";
}

OrderedJson change_to_json(const ResourceChange& change) {
    return {{"address", change.address},
            {"type", change.type},
            {"provider", change.provider},
            {"action", to_string(change.action)},
            {"reason", reason_name(change.reason)},
            {"before", to_tagged_json(change.before)},
            {"after", to_tagged_json(change.after)},
            {"replace_paths", change.replace_paths},
            {"secret_changes", change.secret_changes},
            {"dependencies", change.dependencies},
            {"create_before_destroy", change.create_before_destroy}};
}

OrderedJson data_read_to_json(const DataRead& read) {
    return {{"address", read.address},
            {"type", read.type},
            {"provider", read.provider},
            {"result", to_tagged_json(read.result)},
            {"deferred", read.deferred}};
}

OrderedJson output_to_json(const OutputChange& change) {
    return {{"name", change.name},
            {"before", to_tagged_json(change.before)},
            {"after", to_tagged_json(change.after)},
            {"sensitive", change.sensitive},
            {"removed", change.removed},
            {"secret_changed", change.secret_changed}};
}

// Reads the fields of one JSON object, remembering the first one that is missing or mistyped
// and returning an empty value for it, so a whole record is read before checking.
class FieldReader {
public:
    FieldReader(const Json& object, std::string where, std::string& problem)
        : m_object(object), m_where(std::move(where)), m_problem(problem) {}

    std::string text(const char* key) {
        const Json* field = find(key, "a string", &Json::is_string);
        return field ? field->get<std::string>() : std::string();
    }
    bool flag(const char* key) {
        const Json* field = find(key, "true or false", &Json::is_boolean);
        return field && field->get<bool>();
    }
    std::uint64_t count(const char* key) {
        const Json* field = find(key, "a whole number", &Json::is_number_unsigned);
        return field ? field->get<std::uint64_t>() : 0;
    }
    Value value(const char* key) {
        const Json* field = find(key, "a value", [](const Json&) { return true; });
        return field ? from_tagged_json(*field) : Value();
    }
    std::vector<std::string> strings(const char* key) {
        std::vector<std::string> out;
        if (const Json* field = find(key, "a list of strings", &Json::is_array))
            for (const auto& item : *field) {
                if (item.is_string()) out.push_back(item.get<std::string>());
                else fail(key, "a list of strings");
            }
        return out;
    }
    const Json& list(const char* key) {
        static const Json k_empty = Json::array();
        const Json* field = find(key, "a list", &Json::is_array);
        return field ? *field : k_empty;
    }
    template <typename Enum, std::size_t N>
    Enum choice(const char* key, const std::array<Enum, N>& options, std::string_view (*name)(Enum)) {
        std::string wanted = text(key);
        for (Enum option : options)
            if (name(option) == wanted) return option;
        fail(key, "a known name");
        return options.front();
    }

private:
    template <typename Check>
    const Json* find(const char* key, const char* expected, Check check) {
        auto it = m_object.find(key);
        if (it != m_object.end() && std::invoke(check, *it)) return &*it;
        fail(key, expected);
        return nullptr;
    }
    void fail(const char* key, const char* expected) {
        if (m_problem.empty())
            m_problem = fmt::format("\"{}{}\" is missing or is not {}.", m_where, key, expected);
    }

    const Json& m_object;
    std::string m_where;  // "changes[2]." before field names in messages
    std::string& m_problem;
};

// Reads one record of a list with `read_fields`, or notes that it is not an object.
template <typename Record, typename ReadFields>
Record read_record(const Json& json, const std::string& where, std::string& problem, ReadFields read_fields) {
    if (!json.is_object()) {
        if (problem.empty()) problem = fmt::format("\"{}\" is not an object.", where);
        return {};
    }
    FieldReader read(json, where + ".", problem);
    return read_fields(read);
}

ResourceChange read_change(FieldReader& read) {
    ResourceChange change;
    change.address = read.text("address");
    change.type = read.text("type");
    change.provider = read.text("provider");
    change.action = read.choice("action", k_actions, &to_string);
    change.reason = read.choice("reason", k_reasons, &reason_name);
    change.before = read.value("before");
    change.after = read.value("after");
    change.replace_paths = read.strings("replace_paths");
    change.secret_changes = read.strings("secret_changes");
    change.dependencies = read.strings("dependencies");
    change.create_before_destroy = read.flag("create_before_destroy");
    return change;
}

DataRead read_data_read(FieldReader& read) {
    DataRead data;
    data.address = read.text("address");
    data.type = read.text("type");
    data.provider = read.text("provider");
    data.result = read.value("result");
    data.deferred = read.flag("deferred");
    return data;
}

DeferredBlock read_deferred(FieldReader& read) {
    return DeferredBlock{read.text("address"), read.text("reason")};
}

InstanceMove read_move(FieldReader& read) { return InstanceMove{read.text("from"), read.text("to")}; }

PolicyFailure read_policy_failure(FieldReader& read) {
    return PolicyFailure{read.text("policy"), read.text("address"), read.flag("mandatory"), read.text("message")};
}

Drift read_drift(FieldReader& read) {
    Drift drift;
    drift.address = read.text("address");
    drift.type = read.text("type");
    drift.before = read.value("before");
    drift.after = read.value("after");
    drift.gone = read.flag("gone");
    return drift;
}

OutputChange read_output(FieldReader& read) {
    OutputChange change;
    change.name = read.text("name");
    change.before = read.value("before");
    change.after = read.value("after");
    change.sensitive = read.flag("sensitive");
    change.removed = read.flag("removed");
    change.secret_changed = read.flag("secret_changed");
    return change;
}

template <typename Record, typename List>
void read_list(FieldReader& read, const char* key, std::string& problem, List& into,
               Record (*read_fields)(FieldReader&)) {
    const Json& items = read.list(key);
    for (std::size_t i = 0; i < items.size(); ++i)
        into.push_back(read_record<Record>(items[i], fmt::format("{}[{}]", key, i), problem, read_fields));
}

Plan read_plan(const Json& json, std::string& problem) {
    FieldReader read(json, "", problem);
    Plan plan;
    plan.prior_lineage = read.text("prior_lineage");
    plan.prior_serial = read.count("prior_serial");
    plan.prior_state_existed = read.flag("prior_state_existed");
    plan.stack_fingerprint = read.text("stack_fingerprint");
    plan.workspace = read.text("workspace");
    Value variables = read.value("variables");
    if (variables.is_map()) plan.variables = std::move(variables.as_map());
    else if (problem.empty()) problem = "\"variables\" is not a map.";
    plan.destroy = read.flag("destroy");
    plan.targets = read.strings("targets");
    plan.excludes = read.strings("excludes");
    plan.refreshed = read.flag("refreshed");
    plan.secrets_redacted = read.flag("secrets_redacted");
    read_list(read, "changes", problem, plan.changes, read_change);
    read_list(read, "data_reads", problem, plan.data_reads, read_data_read);
    read_list(read, "deferred", problem, plan.deferred, read_deferred);
    read_list(read, "moves", problem, plan.moves, read_move);
    plan.forgets = read.strings("forgets");
    const Json& imports = read.list("imports");
    for (std::size_t i = 0; i < imports.size() && problem.empty(); ++i) {
        auto resource = resource_from_json(imports[i]);
        if (resource) plan.imports.push_back(std::move(*resource));
        else problem = fmt::format("imports[{}]: {}", i, resource.error());
    }
    read_list(read, "output_changes", problem, plan.output_changes, read_output);
    plan.policy_checks = static_cast<int>(read.count("policy_checks"));
    read_list(read, "policy_failures", problem, plan.policy_failures, read_policy_failure);
    plan.refresh_only = read.flag("refresh_only");
    read_list(read, "drift", problem, plan.drift, read_drift);
    return plan;
}

// Why the document is not a plan this plinth can read; empty when it is one.
std::optional<Diagnostic> check_marker(const Json& json, const std::string& origin) {
    if (!json.is_object() || !json.contains(k_format_key)) {
        std::string detail = json.is_object() && json.contains("format_version") && json.contains("lineage")
                                 ? "It looks like a plinth state file. A plan file is made by `plinth plan --out FILE`."
                                 : "A plan file is made by `plinth plan --out FILE`.";
        return make_error(fmt::format("{} is not a plinth plan file", origin), detail, {origin});
    }
    const Json& format = json[k_format_key];
    if (!format.is_number_integer() || format.get<std::int64_t>() != k_plan_format_version)
        return make_error(fmt::format("{} uses plan format {}, which this plinth cannot read", origin, format.dump()),
                          fmt::format("plinth {} reads plan format {}. Make the plan again with this plinth.",
                                      k_version, k_plan_format_version),
                          {origin});
    auto version = json.find(k_version_key);
    if (version == json.end() || !version->is_string() || version->get<std::string>() != k_version)
        return make_error(fmt::format("{} was made by plinth {}, not by this plinth {}", origin,
                                      version == json.end() ? "of an unknown version" : version->dump(), k_version),
                          "A saved plan can only be applied by the plinth version that made it. Make the plan again.",
                          {origin});
    return std::nullopt;
}
}  // namespace

std::string serialize_plan(const Plan& plan) {
    OrderedJson changes = OrderedJson::array();
    for (const auto& change : plan.changes) changes.push_back(change_to_json(change));
    OrderedJson data_reads = OrderedJson::array();
    for (const auto& read : plan.data_reads) data_reads.push_back(data_read_to_json(read));
    OrderedJson deferred = OrderedJson::array();
    for (const auto& block : plan.deferred) deferred.push_back({{"address", block.address}, {"reason", block.reason}});
    OrderedJson moves = OrderedJson::array();
    for (const auto& move : plan.moves) moves.push_back({{"from", move.from}, {"to", move.to}});
    OrderedJson outputs = OrderedJson::array();
    for (const auto& change : plan.output_changes) outputs.push_back(output_to_json(change));
    OrderedJson policy_failures = OrderedJson::array();
    for (const auto& failure : plan.policy_failures)
        policy_failures.push_back({{"policy", failure.policy},
                                   {"address", failure.address},
                                   {"mandatory", failure.mandatory},
                                   {"message", failure.message}});
    OrderedJson drift = OrderedJson::array();
    for (const auto& object : plan.drift)
        drift.push_back({{"address", object.address},
                         {"type", object.type},
                         {"before", to_tagged_json(object.before)},
                         {"after", to_tagged_json(object.after)},
                         {"gone", object.gone}});
    OrderedJson imports = OrderedJson::array();
    for (const auto& resource : plan.imports) imports.push_back(
            OrderedJson::parse(resource_to_json(resource).dump(-1, ' ', false, OrderedJson::error_handler_t::replace)));
    OrderedJson json = {{k_format_key, k_plan_format_version},
                 {k_version_key, k_version},
                 {"prior_lineage", plan.prior_lineage},
                 {"prior_serial", plan.prior_serial},
                 {"prior_state_existed", plan.prior_state_existed},
                 {"stack_fingerprint", plan.stack_fingerprint},
                 {"workspace", plan.workspace},
                 {"variables", to_tagged_json(Value(plan.variables))},
                 {"destroy", plan.destroy},
                 {"targets", plan.targets},
                 {"excludes", plan.excludes},
                 {"refreshed", plan.refreshed},
                 {"secrets_redacted", plan.secrets_redacted},
                 {"changes", std::move(changes)},
                 {"data_reads", std::move(data_reads)},
                 {"deferred", std::move(deferred)},
                 {"moves", std::move(moves)},
                 {"forgets", plan.forgets},
                 {"imports", std::move(imports)},
                 {"output_changes", std::move(outputs)},
                 {"policy_checks", plan.policy_checks},
                 {"policy_failures", std::move(policy_failures)},
                 {"refresh_only", plan.refresh_only},
                 {"drift", std::move(drift)}};
    return json.dump(2, ' ', false, OrderedJson::error_handler_t::replace) + "\n";
}

std::expected<Plan, Diagnostic> parse_plan(std::string_view text, const std::string& origin) {
    Json json = Json::parse(text, nullptr, false);
    if (json.is_discarded())
        return std::unexpected(make_error(fmt::format("{} is not a plinth plan file", origin),
                                          "It is not JSON. A plan file is made by `plinth plan --out FILE`.",
                                          {origin}));
    if (auto problem = check_marker(json, origin)) return std::unexpected(std::move(*problem));
    std::string problem;
    Plan plan = read_plan(json, problem);
    if (!problem.empty())
        return std::unexpected(make_error(fmt::format("{} is a damaged plinth plan file", origin), problem, {origin}));
    return plan;
}

EncodedPlan encode_plan(const Plan& plan, const StateCodec& codec) {
    if (codec.encrypts()) return {codec.encode(serialize_plan(plan)), false};
    Plan sealed = without_secrets(plan);
    return {serialize_plan(sealed), sealed.secrets_redacted};
}

std::expected<Plan, Diagnostic> decode_plan(std::string_view bytes, const std::string& origin,
                                            const StateCodec& codec) {
    auto text = codec.decode(bytes, origin);
    if (!text) return std::unexpected(std::move(text.error()));
    return parse_plan(*text, origin);
}

}  // namespace plinth::plans
