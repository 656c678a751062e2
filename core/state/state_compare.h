// core/state/state_compare.h: whether two states would be stored as the same document, without
// serializing either (a refreshed state is compared with the state as read to decide on a write).
#pragma once

#include "core/state/state.h"

namespace plinth {

// True when `a` and `b` hold the same serial, lineage, outputs and resources, sensitive marks
// included: what serialize_state writes for one equals what it writes for the other.
bool same_state(const State& a, const State& b);

// True when `a` and `b` would be stored as the same resource record, sensitive marks included.
bool same_resource(const ResourceState& a, const ResourceState& b);

}  // namespace plinth
