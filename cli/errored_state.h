// cli/errored_state.h: what happens to a new state the backend refused to store (a network
// failure, a full disk): it is saved to plinth.state.errored.json in the stack directory, never
// lost, and the user is told to push it once the backend works again.
#pragma once

#include <filesystem>

#include "core/diagnostics.h"
#include "core/state/encryption.h"
#include "core/state/state.h"

namespace plinth::cli {

inline constexpr const char* k_errored_state_file = "plinth.state.errored.json";

// Saves `state` (encrypted with `codec` when it has keys) and returns the message for the user: an
// error saying where it went and how to push it, or, when even that write fails, the file's
// content in the message.
Diagnostic save_errored_state(const std::filesystem::path& stack_dir, const State& state, const StateCodec& codec);

}  // namespace plinth::cli
