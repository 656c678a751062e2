// plans/state_surgery.h: the edits `plinth state mv|rm|push|replace-provider` make to recorded
// state, as pure functions on a State: the command takes the lock, reads, edits and writes (the
// backend keeps the previous state as a backup). Nothing here touches a real object.
#pragma once

#include <expected>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/state/state.h"

namespace plinth::plans {

// Renames every object at `from` (an instance, a resource with all its instances, or a module
// instance with everything in it) to the same place under `to`; returns the new addresses.
// Errors: an invalid address, nothing at `from`, objects already at `to`, one inside the other.
std::expected<std::vector<std::string>, Diagnostic> move_in_state(State& state, const std::string& from,
                                                                  const std::string& to);

// Forgets every object at each of `addresses` (without destroying it); returns what it removed.
// An address with nothing at it is an error, and then nothing is removed.
std::expected<std::vector<std::string>, Diagnostic> remove_from_state(State& state,
                                                                      const std::vector<std::string>& addresses);

// Objects recorded with provider configuration `from` are recorded with `to`; returns them.
std::vector<std::string> replace_provider(State& state, const std::string& from, const std::string& to);

// Whether `pushed` may replace `current`: same lineage, and a serial not older (an equal serial
// must mean equal content). The error says why, and that --force overrides it.
std::expected<void, Diagnostic> check_push(const State& current, const State& pushed);

}  // namespace plinth::plans
