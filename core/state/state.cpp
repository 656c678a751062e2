#include "core/state/state.h"

#include "core/digest.h"

namespace plinth {

std::string_view to_string(ResourceStatus status) {
    switch (status) {
    case ResourceStatus::Ready: return "ready";
    case ResourceStatus::Creating: return "creating";
    case ResourceStatus::Tainted: return "tainted";
    case ResourceStatus::Deleting: return "deleting";
    case ResourceStatus::Updating: return "updating";
    }
    return "?";
}

std::optional<ResourceStatus> parse_resource_status(std::string_view text) {
    if (text == "ready") return ResourceStatus::Ready;
    if (text == "creating") return ResourceStatus::Creating;
    if (text == "tainted") return ResourceStatus::Tainted;
    if (text == "deleting") return ResourceStatus::Deleting;
    if (text == "updating") return ResourceStatus::Updating;
    return std::nullopt;
}

State State::fresh() {
    State state;
    state.lineage = random_uuid();
    return state;
}

}  // namespace plinth
