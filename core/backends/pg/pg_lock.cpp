#include "core/backends/pg/pg_lock.h"

#include <fmt/format.h>

#include "core/state/lock_info.h"

namespace plinth::backends {

namespace {

// The server process holding advisory lock `$1` (the one-key form) in this database.
constexpr const char* k_lock_holders =
    "SELECT k.pid FROM pg_locks k WHERE k.locktype = 'advisory' AND k.granted AND k.objsubid = 1 "
    "AND k.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
    "AND ((k.classid::bigint << 32) | k.objid::bigint) = $1::bigint";

std::expected<bool, Diagnostic> try_lock(pg::PgConnection& connection, long long key, const std::string& what) {
    auto taken = connection.exec(what, "SELECT pg_try_advisory_lock($1::bigint)", {std::to_string(key)});
    if (!taken) return std::unexpected(taken.error());
    return taken->value(0, 0) == "t";
}

void unlock(pg::PgConnection& connection, long long key) {
    // A failure leaves the lock to the session's end, which comes with the connection's.
    (void)connection.exec("release the lock", "SELECT pg_advisory_unlock($1::bigint)", {std::to_string(key)});
}

std::expected<std::optional<long long>, Diagnostic> row_id(pg::PgConnection& connection, const PgWorkspace& workspace,
                                                           const std::string& what) {
    auto found = connection.exec(what, fmt::format("SELECT id FROM {} WHERE name = $1", workspace.tables.states),
                                 {workspace.name});
    if (!found) return std::unexpected(found.error());
    if (auto id = found->value(0, 0)) return std::stoll(*id);
    return std::nullopt;
}

// One attempt: the creation key first (Terraform's rule: nobody takes a workspace while a row is
// being created), then the row's key if there is a row. Sets `key` to the key held, or the one
// found held.
std::expected<bool, Diagnostic> attempt(pg::PgConnection& connection, const PgWorkspace& workspace, long long& key) {
    const std::string what = fmt::format("lock the state of workspace {}", workspace.name);
    key = k_pg_creation_lock_key;
    auto creation = try_lock(connection, k_pg_creation_lock_key, what);
    if (!creation || !*creation) return creation;
    auto id = row_id(connection, workspace, what);
    if (!id) {
        unlock(connection, k_pg_creation_lock_key);
        return std::unexpected(id.error());
    }
    if (!*id) return true;  // no row yet: the creation key is the workspace's lock
    key = **id;
    auto taken = try_lock(connection, key, what);
    unlock(connection, k_pg_creation_lock_key);
    return taken;
}

std::expected<void, Diagnostic> record_holder(pg::PgConnection& connection, const PgWorkspace& workspace,
                                              const LockInfo& info) {
    const std::string what = fmt::format("record the lock on workspace {}", workspace.name);
    auto removed = connection.exec(
        what, fmt::format("DELETE FROM {} WHERE name = $1 OR pid = pg_backend_pid()", workspace.tables.locks),
        {workspace.name});
    if (!removed) return std::unexpected(removed.error());
    auto inserted = connection.exec(what,
                                    fmt::format("INSERT INTO {} (name, lock_id, operation, who, version, created, "
                                                "pid) VALUES ($1, $2, $3, $4, $5, $6, pg_backend_pid())",
                                                workspace.tables.locks),
                                    {workspace.name, info.id, info.operation, info.who, info.version, info.created});
    if (!inserted) return std::unexpected(inserted.error());
    return {};
}

LockInfo holder_from(const pg::PgResult& rows, const std::string& where) {
    if (rows.rows() == 0) return LockInfo{};
    auto text = [&](int column) { return rows.value(0, column).value_or(""); };
    return LockInfo{text(0), text(1), text(2), text(3), text(4), where};
}

// Who holds advisory lock `key`, as recorded in plinth_locks (empty when not recorded).
std::expected<LockInfo, Diagnostic> holder_of(pg::PgConnection& connection, const PgWorkspace& workspace,
                                             long long key) {
    auto rows = connection.exec(
        "find who holds the lock",
        fmt::format("SELECT lock_id, operation, who, version, created FROM {} WHERE pid IN ({}) LIMIT 1",
                    workspace.tables.locks, k_lock_holders),
        {std::to_string(key)});
    if (!rows) return std::unexpected(rows.error());
    return holder_from(*rows, workspace.where);
}

}  // namespace

PgStateLock::PgStateLock(std::unique_ptr<pg::PgConnection> connection, PgWorkspace workspace, LockInfo info,
                         long long key)
    : m_connection(std::move(connection)), m_workspace(std::move(workspace)), m_info(std::move(info)), m_key(key) {
    *m_workspace.held = this;
}

PgStateLock::~PgStateLock() {
    *m_workspace.held = nullptr;
    (void)m_connection->exec("remove the lock record",
                             fmt::format("DELETE FROM {} WHERE name = $1 AND lock_id = $2", m_workspace.tables.locks),
                             {m_workspace.name, m_info.id});
    unlock(*m_connection, m_key);
}

void PgStateLock::adopt_row(long long row_id) {
    if (m_key != k_pg_creation_lock_key) return;
    auto taken = try_lock(*m_connection, row_id, "lock the new row");
    if (!taken || !*taken) return;
    unlock(*m_connection, k_pg_creation_lock_key);
    m_key = row_id;
}

std::expected<std::unique_ptr<PgStateLock>, Diagnostic> acquire_pg_lock(const PgWorkspace& workspace,
                                                                        const std::string& operation,
                                                                        std::chrono::milliseconds timeout) {
    auto connection = pg::PgConnection::open(workspace.conn_str, "for the pg backend");
    if (!connection) return std::unexpected(connection.error());
    long long key = k_pg_creation_lock_key;
    auto started = std::chrono::steady_clock::now();
    auto taken = retry_lock(timeout, [&] { return attempt(**connection, workspace, key); });
    if (!taken) return std::unexpected(taken.error());
    if (!*taken) {
        auto holder = holder_of(**connection, workspace, key);
        if (!holder) return std::unexpected(holder.error());
        auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
        return std::unexpected(lock_held_error(*holder, workspace.where, waited));
    }
    LockInfo info = new_lock_info(operation, workspace.where);
    if (auto recorded = record_holder(**connection, workspace, info); !recorded) {
        unlock(**connection, key);
        return std::unexpected(recorded.error());
    }
    return std::make_unique<PgStateLock>(std::move(*connection), workspace, std::move(info), key);
}

std::expected<void, Diagnostic> force_unlock_pg_lock(const PgWorkspace& workspace, const std::string& lock_id) {
    pg::PgConnection& connection = *workspace.connection;
    auto rows = connection.exec(
        "find who holds the lock",
        fmt::format("SELECT lock_id, operation, who, version, created, pid FROM {} WHERE name = $1 AND pid IN "
                    "(SELECT k.pid FROM pg_locks k WHERE k.locktype = 'advisory' AND k.granted AND k.objsubid = 1)",
                    workspace.tables.locks),
        {workspace.name});
    if (!rows) return std::unexpected(rows.error());
    if (rows->rows() == 0)
        return std::unexpected(make_error(fmt::format("{} is not locked", workspace.where),
                                          "No live plinth run holds its lock; nothing was changed."));
    LockInfo holder = holder_from(*rows, workspace.where);
    if (auto matches = check_unlock_id(holder, lock_id, workspace.where); !matches) return matches;
    std::string pid = rows->value(0, 5).value_or("");
    auto ended = connection.exec("end the session holding the lock", "SELECT pg_terminate_backend($1::integer, 5000)",
                                 {pid});
    if (!ended) {
        Diagnostic error = ended.error();
        error.detail += fmt::format("\n\nThe lock is held by PostgreSQL server process {}. A superuser or a member of "
                                    "pg_signal_backend can end it: SELECT pg_terminate_backend({});",
                                    pid, pid);
        return std::unexpected(std::move(error));
    }
    if (ended->value(0, 0) != "t")
        return std::unexpected(make_error("the session holding the lock did not end",
                                          fmt::format("PostgreSQL server process {} was asked to end but was still "
                                                      "running 5 seconds later; try again.",
                                                      pid)));
    auto removed = connection.exec("remove the lock record",
                                   fmt::format("DELETE FROM {} WHERE name = $1 AND lock_id = $2",
                                               workspace.tables.locks),
                                   {workspace.name, lock_id});
    if (!removed) return std::unexpected(removed.error());
    return {};
}

}  // namespace plinth::backends
