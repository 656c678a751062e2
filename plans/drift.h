// plans/drift.h: what refresh found changed outside plinth: each object whose recorded
// attributes differ before and after refresh, or that is gone. A plan shows it first ("Objects
// have changed outside of plinth"); a refresh-only plan is nothing else.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/state/state.h"
#include "core/value.h"

namespace plinth::plans {

struct Drift {
    std::string address;
    std::string type;
    Value before;  // as state recorded it
    Value after;   // as refresh read it; null when gone
    bool gone = false;
};

// In address order: the objects of `before` (records as state had them, by address) whose
// attributes differ in `after` or that `after` no longer has. Objects not in `before` are not drift.
std::vector<Drift> detect_drift(const std::map<std::string, ResourceState>& before, const State& after);

// Records `drift` in `state` (applying a refresh-only plan): each changed object's attributes as
// refresh read them, each gone object dropped.
void record_drift(State& state, const std::vector<Drift>& drift);

}  // namespace plinth::plans
