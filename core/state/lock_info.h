// core/state/lock_info.h: the lock holder's record every backend keeps beside its lock (Terraform's
// lock-info JSON: ID, Operation, Who, Version, Created, Path), the message a waiting run gets, and
// the wait-and-retry loop backends share.
#pragma once

#include <chrono>
#include <expected>
#include <functional>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/state/backend.h"

namespace plinth {

// A new holder's record: a fresh UUID, this user@host (pid N), plinth's version, now.
LockInfo new_lock_info(const std::string& operation, const std::string& path);

// {"ID": ..., "Operation": ..., ...} on one line with a trailing newline.
std::string lock_info_to_json(const LockInfo& info);
// Empty fields when `json` is not a LockInfo (e.g. the holder has not written it yet).
LockInfo lock_info_from_json(std::string_view json);

// "Error acquiring the state lock": who holds it (when known), since when, for what, its ID, and
// how long this run waited. `where` names the lock in the message (a path or URL).
Diagnostic lock_held_error(const LockInfo& holder, const std::string& where, std::chrono::milliseconds waited);

// force-unlock of `requested` when the lock's current holder is `holder` (empty ID: unknown):
// an error unless they match.
std::expected<void, Diagnostic> check_unlock_id(const LockInfo& holder, const std::string& requested,
                                                const std::string& where);

// Calls `attempt` until it answers true (taken), an error, or `timeout` passes (then false);
// about every 100 ms at first, backing off to 1 s.
std::expected<bool, Diagnostic> retry_lock(std::chrono::milliseconds timeout,
                                           const std::function<std::expected<bool, Diagnostic>()>& attempt);

}  // namespace plinth
