// core/backends/pg/pg_lock.h: the pg backend's lock. A session-level advisory lock on the
// workspace's row ID (Terraform's key), taken with pg_try_advisory_lock on a connection of its own
// that stays open while the lock lives, so a crashed or killed run's lock vanishes with its
// session. A workspace without a row yet is locked with Terraform's creation key -1, and every
// locker checks -1 as Terraform does. Unlike Terraform, the holder (ID, who, operation, since and
// its server process ID) is recorded in the plinth_locks table, so that a waiting run is told who
// holds the lock and force-unlock can end the holder's session.
#pragma once

#include <chrono>
#include <expected>
#include <memory>
#include <string>

#include "core/backends/pg/pg_workspace.h"
#include "core/diagnostics.h"
#include "core/state/backend.h"

namespace plinth::backends {

// The advisory lock key of a workspace whose row does not exist yet (Terraform's).
inline constexpr long long k_pg_creation_lock_key = -1;

// A held lock. When its workspace's row is created while it holds the creation key, the blob
// calls adopt_row() so that it moves to the row's key and other workspaces need not wait.
class PgStateLock final : public StateLock {
public:
    PgStateLock(std::unique_ptr<pg::PgConnection> connection, PgWorkspace workspace, LockInfo info, long long key);
    ~PgStateLock() override;

    const LockInfo& info() const override { return m_info; }
    // Moves from the creation key to `row_id` (keeping the creation key if that fails).
    void adopt_row(long long row_id);

private:
    std::unique_ptr<pg::PgConnection> m_connection;
    PgWorkspace m_workspace;
    LockInfo m_info;
    long long m_key;  // the advisory lock key held on m_connection
};

// Takes the workspace's lock, retrying until `timeout`; on failure the error names the holder as
// recorded in plinth_locks.
std::expected<std::unique_ptr<PgStateLock>, Diagnostic> acquire_pg_lock(const PgWorkspace& workspace,
                                                                        const std::string& operation,
                                                                        std::chrono::milliseconds timeout);

// Releases the lock some other run holds: `lock_id` must be the live holder's; ends the holder's
// session with pg_terminate_backend (which needs privileges over it) and removes its record.
std::expected<void, Diagnostic> force_unlock_pg_lock(const PgWorkspace& workspace, const std::string& lock_id);

}  // namespace plinth::backends
