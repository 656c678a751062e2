#include "core/backends/pg/pg_backend.h"

#include <fmt/format.h>

#include "core/backends/pg/pg_state_blob.h"
#include "core/state/blob_state_store.h"

namespace plinth::backends {

PgBackend::PgBackend(std::shared_ptr<pg::PgConnection> connection, PgSettings settings, PgTables tables,
                     std::filesystem::path stack_dir)
    : m_connection(std::move(connection)),
      m_settings(std::move(settings)),
      m_tables(std::move(tables)),
      m_stack_dir(std::move(stack_dir)) {}

std::string PgBackend::describe() const {
    return fmt::format("PostgreSQL schema {} at {}", m_tables.schema_name, m_connection->server());
}

std::expected<std::vector<std::string>, Diagnostic> PgBackend::workspaces() {
    auto rows = m_connection->exec("list the workspaces",
                                   fmt::format("SELECT name FROM {} WHERE name <> $1 ORDER BY name", m_tables.states),
                                   {"default"});
    if (!rows) return std::unexpected(rows.error());
    std::vector<std::string> names{"default"};
    for (int row = 0; row < rows->rows(); ++row)
        if (auto name = rows->value(row, 0)) names.push_back(*name);
    return names;
}

std::expected<std::unique_ptr<StateStore>, Diagnostic> PgBackend::open(const std::string& workspace) {
    PgWorkspace pg_workspace{m_connection, m_settings.conn_str, m_tables, workspace,
                             fmt::format("pg table {}.states (workspace {}) at {}", m_tables.schema_name, workspace,
                                         m_connection->server())};
    return std::make_unique<BlobStateStore>(std::make_unique<PgStateBlob>(std::move(pg_workspace)),
                                            remote_journal_path(m_stack_dir, "pg", workspace));
}

std::expected<void, Diagnostic> PgBackend::delete_workspace(const std::string& workspace) {
    if (workspace == "default") return std::unexpected(make_error("the default workspace cannot be deleted"));
    auto deleted = m_connection->exec(fmt::format("delete workspace {}", workspace),
                                      fmt::format("DELETE FROM {} WHERE name = $1", m_tables.states), {workspace});
    if (!deleted) return std::unexpected(deleted.error());
    return {};
}

std::expected<std::unique_ptr<Backend>, Diagnostic> open_pg_backend(const BackendDecl& decl,
                                                                    const std::filesystem::path& stack_dir) {
    auto settings = read_pg_settings(decl);
    if (!settings) return std::unexpected(settings.error());
    auto connection = pg::PgConnection::open(settings->conn_str, "for the pg backend");
    if (!connection) {
        Diagnostic error = connection.error();
        error.location = decl.location;
        return std::unexpected(std::move(error));
    }
    std::shared_ptr<pg::PgConnection> shared = std::move(*connection);
    auto tables = prepare_pg_tables(*shared, *settings);
    if (!tables) return std::unexpected(tables.error());
    return std::make_unique<PgBackend>(std::move(shared), std::move(*settings), std::move(*tables), stack_dir);
}

}  // namespace plinth::backends
