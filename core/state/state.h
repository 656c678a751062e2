// core/state/state.h: the in-memory state: what plinth last recorded about every resource it
// manages, plus outputs. Separate from the versioned file format (core/state/state_file.h).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/value.h"

namespace plinth {

enum class ResourceStatus {
    Ready,     // the provider reported success; attributes are the object's
    Creating,  // create was started but not confirmed (a crash intervened); attributes are planned
    Tainted,   // a create or update failed part-way; the next plan replaces it
    Deleting,  // delete was started but not confirmed (a crash intervened); refresh tells
    Updating,  // update was started but not confirmed; attributes are planned, prior_attributes
               // the object's before: refresh looks for it under either
};

std::string_view to_string(ResourceStatus status);  // "ready", "creating", "tainted", "deleting", "updating"
std::optional<ResourceStatus> parse_resource_status(std::string_view text);

struct ResourceState {
    std::string address;   // "web", later "web[0]", "module.net.web"
    std::string type;      // "local_file"
    std::string provider;  // provider configuration name, "local"
    std::string id;        // the provider's id for the object
    Value attributes;      // a map; sensitive values are marked
    std::vector<std::string> dependencies;  // addresses this resource depended on when applied
    ResourceStatus status = ResourceStatus::Ready;
    // Only while Updating: the attributes the update started from (behind a pointer: most records
    // never have them, and a record is 32 bytes smaller without a Value's room).
    std::shared_ptr<const Value> prior_attributes{};
};

struct OutputState {
    Value value;
    bool sensitive = false;
};

struct State {
    static constexpr int k_format_version = 1;

    std::uint64_t serial = 0;  // grows by one with every write
    std::string lineage;       // a UUID fixed when the state is born
    std::map<std::string, OutputState> outputs;
    std::map<std::string, ResourceState> resources;  // by address

    // A new, empty state with a fresh lineage and serial 0.
    static State fresh();
};

}  // namespace plinth
