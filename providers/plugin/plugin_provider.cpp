#include "providers/plugin/plugin_provider.h"

#include <fmt/format.h>

#include "core/value_json.h"
#include "core/version.h"
#include "providers/plugin/plugin_errors.h"
#include "providers/schema_json.h"

namespace plinth::providers {

namespace {

using nlohmann::json;

json wire(const Value& value) { return to_wire_json(value); }

json strings(const std::vector<std::string>& items) {
    json out = json::array();
    for (const auto& item : items) out.push_back(item);
    return out;
}

}  // namespace

Result<std::unique_ptr<PluginProvider>> PluginProvider::start(const std::string& name,
                                                              const std::filesystem::path& path,
                                                              const PluginOptions& options) {
    auto client = JsonRpcClient::start(name, path, options.shutdown_grace);
    if (!client) return std::unexpected(provider_error_from(client.error()));
    std::unique_ptr<PluginProvider> provider(new PluginProvider(std::move(*client), options));
    if (auto shaken = provider->handshake(); !shaken) return std::unexpected(shaken.error());
    if (auto loaded = provider->load_schema(); !loaded) return std::unexpected(loaded.error());
    return provider;
}

PluginProvider::PluginProvider(std::unique_ptr<JsonRpcClient> client, const PluginOptions& options)
    : m_client(std::move(client)), m_options(options) {}

Result<json> PluginProvider::call(const std::string& method, json params) {
    auto answer = m_client->call(method, std::move(params), m_options.call_timeout);
    if (!answer) return std::unexpected(provider_error_from(answer.error()));
    return std::move(*answer);
}

Result<json> PluginProvider::start_call(const std::string& method, json params) {
    auto answer = m_client->call(method, std::move(params), m_options.call_timeout);
    if (answer) return std::move(*answer);
    ProviderError error = provider_error_from(answer.error());
    if (answer.error().kind == RpcFailure::Kind::Remote)
        error.summary = fmt::format("{} failed `{}`: {}", m_client->label(), method, error.summary);
    return std::unexpected(error);
}

Result<void> PluginProvider::handshake() {
    auto answer = start_call("handshake", {{"protocol_version", k_plugin_protocol_version}, {"plinth_version", k_version}});
    if (!answer) return std::unexpected(answer.error());
    const json& result = *answer;
    auto version = result.is_object() ? result.find("protocol_version") : result.end();
    if (version == result.end() || !version->is_number_integer())
        return std::unexpected(provider_error(fmt::format("{} answered the handshake without a protocol_version",
                                                          m_client->label()),
                                              fmt::format("Its answer: {}", result.dump())));
    if (version->get<int>() != k_plugin_protocol_version)
        return std::unexpected(provider_error(
            fmt::format("{} speaks plugin protocol version {}; this plinth speaks version {}", m_client->label(),
                        version->get<int>(), k_plugin_protocol_version),
            "Use a build of the plugin made for this plinth, or a plinth that speaks its version."));
    auto name = result.find("name");
    if (name == result.end() || !name->is_string() || name->get<std::string>() != m_client->name())
        return std::unexpected(provider_error(
            fmt::format("{} answered the handshake as provider {}, not `{}`", m_client->label(),
                        name == result.end() ? "(no name)" : name->dump(), m_client->name()),
            "A plugin's handshake name is the NAME of its file name plinth-provider-NAME."));
    m_schema.name = m_client->name();
    if (auto plugin_version = result.find("version"); plugin_version != result.end() && plugin_version->is_string())
        m_version = plugin_version->get<std::string>();
    return {};
}

Result<void> PluginProvider::load_schema() {
    auto answer = start_call("schema", json::object());
    if (!answer) return std::unexpected(answer.error());
    auto schema = schema_from_json(*answer);
    if (!schema)
        return std::unexpected(provider_error(fmt::format("{} sent an invalid schema", m_client->label()),
                                              schema.error()));
    if (schema->name != m_schema.name)
        return std::unexpected(provider_error(
            fmt::format("{} calls itself `{}` in its schema but `{}` in its handshake", m_client->label(),
                        schema->name, m_schema.name)));
    if (schema->version.empty()) schema->version = m_version;
    m_schema = std::move(*schema);
    return {};
}

Result<void> PluginProvider::configure(const Value& config) {
    ResourceSchema settings{fmt::format("provider \"{}\"", m_schema.name), {}, m_schema.config};
    if (auto valid = check_properties(settings, config); !valid) return valid;
    auto answer = call("configure", {{"config", wire(config)}});
    if (!answer) return std::unexpected(answer.error());
    return {};
}

std::vector<ProviderError> PluginProvider::validate(BlockKind kind, const std::string& type, const Value& config) {
    auto answer = call("validate", {{"kind", kind == BlockKind::Data ? "data" : "resource"},
                                    {"type", type},
                                    {"config", wire(config)}});
    if (!answer) return {answer.error()};
    if (!answer->is_object() || !answer->contains("diagnostics")) return {};
    return errors_from_diagnostics((*answer)["diagnostics"]);
}

Result<Value> PluginProvider::attributes_of(const std::string& method, const json& result,
                                            const ResourceSchema* schema) const {
    auto attributes = result.is_object() ? result.find("attributes") : result.end();
    if (attributes == result.end() || !attributes->is_object())
        return std::unexpected(provider_error(
            fmt::format("{} answered `{}` without an attributes object", m_client->label(), method),
            fmt::format("Its answer: {}", result.dump())));
    Value value = from_tagged_json(*attributes);
    return schema ? mark_sensitive_attributes(*schema, std::move(value)) : value;
}

Result<PlanResult> PluginProvider::plan(const std::string& type, const Value* prior, const Value& desired) {
    const ResourceSchema* schema = m_schema.find_resource(type);
    GenericPlan proposed = schema ? plan_from_schema(*schema, prior, desired) : GenericPlan{desired, {}};
    auto answer = call("plan", {{"type", type},
                                {"prior", prior ? wire(*prior) : json(nullptr)},
                                {"desired", wire(desired)},
                                {"proposed", {{"planned", wire(proposed.planned)},
                                              {"requires_replace", strings(proposed.requires_replace)}}}});
    if (!answer) return std::unexpected(answer.error());
    auto result = answer->is_object() ? *answer : json::object();
    auto planned = result.find("planned");
    if (planned == result.end() || !planned->is_object())
        return std::unexpected(provider_error(fmt::format("{} answered `plan` without a planned object",
                                                          m_client->label()),
                                              fmt::format("Its answer: {}", answer->dump())));
    PlanResult plan{from_tagged_json(*planned), {}};
    if (schema) plan.planned = mark_sensitive_attributes(*schema, std::move(plan.planned));
    if (auto replace = result.find("requires_replace"); replace != result.end() && replace->is_array())
        for (const auto& attribute : *replace)
            if (attribute.is_string()) plan.requires_replace.push_back(attribute.get<std::string>());
    return plan;
}

Result<Value> PluginProvider::create(const std::string& type, const Value& planned) {
    auto answer = call("create", {{"type", type}, {"planned", wire(planned)}});
    if (!answer) return std::unexpected(answer.error());
    return attributes_of("create", *answer, m_schema.find_resource(type));
}

Result<std::optional<Value>> PluginProvider::read(const std::string& type, const Value& current) {
    auto answer = call("read", {{"type", type}, {"current", wire(current)}});
    if (!answer) return std::unexpected(answer.error());
    if (answer->is_object() && answer->contains("attributes") && (*answer)["attributes"].is_null())
        return std::optional<Value>();
    auto attributes = attributes_of("read", *answer, m_schema.find_resource(type));
    if (!attributes) return std::unexpected(attributes.error());
    return std::optional<Value>(std::move(*attributes));
}

Result<Value> PluginProvider::update(const std::string& type, const Value& prior, const Value& planned) {
    auto answer = call("update", {{"type", type}, {"prior", wire(prior)}, {"planned", wire(planned)}});
    if (!answer) return std::unexpected(answer.error());
    return attributes_of("update", *answer, m_schema.find_resource(type));
}

Result<void> PluginProvider::remove(const std::string& type, const Value& current) {
    auto answer = call("delete", {{"type", type}, {"current", wire(current)}});
    if (!answer) return std::unexpected(answer.error());
    return {};
}

Result<Value> PluginProvider::import(const std::string& type, const std::string& id) {
    auto answer = call("import", {{"type", type}, {"id", id}});
    if (!answer) return std::unexpected(answer.error());
    return attributes_of("import", *answer, m_schema.find_resource(type));
}

Result<Value> PluginProvider::read_data(const std::string& type, const Value& config) {
    auto answer = call("read_data", {{"type", type}, {"config", wire(config)}});
    if (!answer) return std::unexpected(answer.error());
    return attributes_of("read_data", *answer, m_schema.find_data_source(type));
}

}  // namespace plinth::providers
