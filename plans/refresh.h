// plans/refresh.h: refreshing state against the real world: every recorded object is read back
// through its provider, in parallel. Objects found gone leave state; an unconfirmed create that
// turns out to exist becomes an ordinary object.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>

#include "core/diagnostics.h"
#include "core/state/state.h"
#include "plans/provider_set.h"

namespace plinth::plans {

struct RefreshResult {
    Diagnostics diagnostics;
    std::set<std::string> gone;              // objects that no longer exist
    std::set<std::string> unconfirmed_gone;  // of those, unconfirmed creates (a crash before confirming)
    // The records the refresh changed or removed, as they were before it; no other (drift is told
    // from these, without a copy of the whole state: 35 MB at 100,000 resources).
    std::map<std::string, ResourceState> changed;
};

RefreshResult refresh_state(State& state, ProviderSet& providers, std::size_t parallelism);

}  // namespace plinth::plans
