// providers/plugin/plugin_provider.h: a Provider whose every verb is a JSON-RPC call to a plugin
// executable, per docs/plugin-protocol.md. start() runs the plugin, checks the handshake and
// reads its schema; values go out in the wire form (unknowns tagged, no sensitive marks) and the
// attributes the schema calls sensitive are marked again on whatever comes back.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "providers/plugin/json_rpc_client.h"
#include "providers/plugin/plugin_options.h"
#include "providers/provider.h"

namespace plinth::providers {

// The protocol version this plinth speaks; a plugin must answer the handshake with the same.
inline constexpr int k_plugin_protocol_version = 1;

class PluginProvider : public Provider {
public:
    // Starts the plugin `path` for the provider `name`, does the handshake and reads the schema.
    // Every error names the plugin and its path.
    static Result<std::unique_ptr<PluginProvider>> start(const std::string& name, const std::filesystem::path& path,
                                                         const PluginOptions& options);

    const ProviderSchema& schema() const override { return m_schema; }
    Result<void> configure(const Value& config) override;
    std::vector<ProviderError> validate(BlockKind kind, const std::string& type, const Value& config) override;
    Result<PlanResult> plan(const std::string& type, const Value* prior, const Value& desired) override;
    Result<Value> create(const std::string& type, const Value& planned) override;
    Result<std::optional<Value>> read(const std::string& type, const Value& current) override;
    Result<Value> update(const std::string& type, const Value& prior, const Value& planned) override;
    Result<void> remove(const std::string& type, const Value& current) override;
    Result<Value> import(const std::string& type, const std::string& id) override;
    Result<Value> read_data(const std::string& type, const Value& config) override;

private:
    PluginProvider(std::unique_ptr<JsonRpcClient> client, const PluginOptions& options);

    Result<nlohmann::json> call(const std::string& method, nlohmann::json params);
    // The same while starting, when the error must name the plugin even if the plugin's own
    // answer does not.
    Result<nlohmann::json> start_call(const std::string& method, nlohmann::json params);
    // The result's "attributes" member as a value, with sensitive marks from `schema` (which may be
    // null for a type the schema does not know).
    Result<Value> attributes_of(const std::string& method, const nlohmann::json& result,
                                const ResourceSchema* schema) const;
    Result<void> handshake();
    Result<void> load_schema();

    std::unique_ptr<JsonRpcClient> m_client;
    PluginOptions m_options;
    std::string m_version;    // from the handshake
    ProviderSchema m_schema;  // read once by start(); never changes
};

}  // namespace plinth::providers
