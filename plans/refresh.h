// plans/refresh.h: refreshing state against the real world: every recorded object is read back
// through its provider, in parallel. Objects found gone leave state; an unconfirmed create that
// turns out to exist becomes an ordinary object.
#pragma once

#include <cstddef>
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
};

RefreshResult refresh_state(State& state, ProviderSet& providers, std::size_t parallelism);

}  // namespace plinth::plans
