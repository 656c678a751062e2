// core/state/file_lock.h: the local backend's lock: flock(LOCK_EX) on <state>.lock, with the
// holder's LockInfo written into the file as JSON (core/state/lock_info.h) so that a waiting run
// can say who holds it. The kernel drops a flock when its holder dies, even by SIGKILL, so a
// crashed run never leaves the state locked; a run that hangs does, until force-unlock removes
// the lock file (the hung holder keeps a flock on a file nobody else opens any more).
#pragma once

#include <chrono>
#include <expected>
#include <filesystem>
#include <memory>
#include <string>

#include "core/diagnostics.h"
#include "core/state/backend.h"

namespace plinth {

// Takes the lock on `lock_path` (created when missing), retrying until `timeout` has passed.
// `locked_path` is what the lock protects, recorded in the LockInfo.
std::expected<std::unique_ptr<StateLock>, Diagnostic> acquire_file_lock(const std::filesystem::path& lock_path,
                                                                       const std::filesystem::path& locked_path,
                                                                       const std::string& operation,
                                                                       std::chrono::milliseconds timeout);

// Breaks the lock on `lock_path` held under `lock_id` by removing the lock file. Refuses another
// ID, and a lock nobody holds.
std::expected<void, Diagnostic> force_unlock_file_lock(const std::filesystem::path& lock_path,
                                                       const std::string& lock_id);

}  // namespace plinth
