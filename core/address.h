// core/address.h: the addresses of module instances and resource instances, as users write them
// and as plans and state record them: `web`, `web[0]`, `web["a"]`, `data.config`,
// `module.net["a"].subnet[1]`. Parsing and printing round-trip; the config address of an instance
// drops its keys (`module.net.subnet`), which is what dependencies between resources record.
#pragma once

#include <cstdint>
#include <expected>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace plinth {

// No key (a block without count/for_each), a count index, or a for_each key.
using InstanceKey = std::variant<std::monostate, std::int64_t, std::string>;

// "", "[0]", "[\"a\"]"
std::string key_suffix(const InstanceKey& key);

struct ModuleStep {
    std::string name;
    InstanceKey key;
    bool operator==(const ModuleStep&) const = default;
    auto operator<=>(const ModuleStep&) const = default;
};

// The root module is the empty path.
using ModuleInstancePath = std::vector<ModuleStep>;

// "module.net[\"a\"].module.db" ("" for the root).
std::string to_string(const ModuleInstancePath& path);
// The path without keys: "module.net.module.db".
std::string config_path_string(const ModuleInstancePath& path);

struct InstanceAddress {
    ModuleInstancePath module;
    bool data = false;  // a data source (`data.NAME`) rather than a managed resource
    std::string name;
    InstanceKey key;

    std::string to_string() const;         // "module.net[\"a\"].web[0]"
    std::string config_address() const;   // "module.net.web": no keys
    bool operator==(const InstanceAddress&) const = default;
};

// Parses a full instance address; the message says what was expected where.
std::expected<InstanceAddress, std::string> parse_instance_address(std::string_view text);
// What a state command may name: an instance or resource address, or a module instance alone
// (`module.net["a"]`, with an empty `name`).
std::expected<InstanceAddress, std::string> parse_state_address(std::string_view text);

}  // namespace plinth
