#include "plans/drift.h"

namespace plinth::plans {

std::vector<Drift> detect_drift(const std::map<std::string, ResourceState>& before, const State& after) {
    std::vector<Drift> drift;
    for (const auto& [address, recorded] : before) {
        auto now = after.resources.find(address);
        if (now == after.resources.end()) {
            drift.push_back(Drift{address, recorded.type, recorded.attributes, Value(), true});
            continue;
        }
        if (now->second.attributes != recorded.attributes)
            drift.push_back(Drift{address, recorded.type, recorded.attributes, now->second.attributes, false});
    }
    return drift;
}

void record_drift(State& state, const std::vector<Drift>& drift) {
    for (const auto& object : drift) {
        if (object.gone) {
            state.resources.erase(object.address);
            continue;
        }
        auto recorded = state.resources.find(object.address);
        if (recorded != state.resources.end()) recorded->second.attributes = object.after;
    }
}

}  // namespace plinth::plans
