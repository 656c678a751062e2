// plans/encryption_keys.h: the StateCodec of a run, from the root stack's `encryption:` block:
// each key provider produces its key (a `pbkdf2` passphrase evaluated from variables and locals as
// provider settings are; an `env` key read from its environment variable and decoded from base64
// or hex). Errors point at the key provider in the stack and never show a secret.
#pragma once

#include <expected>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/diagnostics.h"
#include "core/environment.h"
#include "core/stack/stack.h"
#include "core/state/encryption.h"
#include "core/value.h"

namespace plinth::plans {

// A passphrase shorter than this is refused: PBKDF2 slows guessing, it cannot make "secret" safe.
inline constexpr std::size_t k_min_passphrase_length = 16;

// A codec without keys when `root` declares no `encryption:`.
std::expected<std::shared_ptr<const StateCodec>, Diagnostics> make_state_codec(
    const Stack& root, const ValueMap& variables, const std::string& workspace,
    const EnvironmentLookup& environment = process_environment);

}  // namespace plinth::plans
