#include "core/backends/pg/pg_state_blob.h"

#include <fmt/format.h>

#include "core/backends/pg/pg_lock.h"

namespace plinth::backends {

std::expected<std::optional<std::string>, Diagnostic> PgStateBlob::get() {
    auto rows = m_workspace.connection->exec(
        fmt::format("read the state of workspace {}", m_workspace.name),
        fmt::format("SELECT data FROM {} WHERE name = $1", m_workspace.tables.states), {m_workspace.name});
    if (!rows) return std::unexpected(rows.error());
    return rows->value(0, 0);
}

std::expected<void, Diagnostic> PgStateBlob::put(const std::string& bytes) {
    auto rows = m_workspace.connection->exec(
        fmt::format("write the state of workspace {}", m_workspace.name),
        fmt::format("INSERT INTO {} (name, data) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET data = "
                    "EXCLUDED.data RETURNING id",
                    m_workspace.tables.states),
        {m_workspace.name, bytes});
    if (!rows) return std::unexpected(rows.error());
    if (PgStateLock* held = *m_workspace.held)
        if (auto id = rows->value(0, 0)) held->adopt_row(std::stoll(*id));
    return {};
}

std::expected<std::unique_ptr<StateLock>, Diagnostic> PgStateBlob::lock(const std::string& operation,
                                                                         std::chrono::milliseconds timeout) {
    auto lock = acquire_pg_lock(m_workspace, operation, timeout);
    if (!lock) return std::unexpected(lock.error());
    return std::unique_ptr<StateLock>(std::move(*lock));
}

std::expected<void, Diagnostic> PgStateBlob::force_unlock(const std::string& lock_id) {
    return force_unlock_pg_lock(m_workspace, lock_id);
}

}  // namespace plinth::backends
