// core/state/file_lock.h: the local backend's lock: flock(LOCK_EX) on <state>.lock, with the
// holder's LockInfo written into the file as JSON (Terraform's field names) so that a waiting run
// can say who holds it. The kernel drops a flock when its holder dies, even by SIGKILL, so a
// crashed run never leaves the state locked.
#pragma once

#include <chrono>
#include <expected>
#include <filesystem>
#include <memory>
#include <string>

#include "core/diagnostics.h"
#include "core/state/backend.h"

namespace plinth {

// Takes the lock on `lock_path` (created when missing), retrying about every 100 ms until
// `timeout` has passed. `locked_path` is what the lock protects, recorded in the LockInfo.
std::expected<std::unique_ptr<StateLock>, Diagnostic> acquire_file_lock(const std::filesystem::path& lock_path,
                                                                       const std::filesystem::path& locked_path,
                                                                       const std::string& operation,
                                                                       std::chrono::milliseconds timeout);

// The LockInfo recorded in a lock file, as Terraform writes it: {"ID", "Operation", "Who", ...}.
std::string lock_info_to_json(const LockInfo& info);
// Empty fields when `json` is not a LockInfo (e.g. the holder has not written it yet).
LockInfo lock_info_from_json(std::string_view json);

}  // namespace plinth
