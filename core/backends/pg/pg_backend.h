// core/backends/pg/pg_backend.h: the `pg` backend: states in a PostgreSQL table, one row per
// workspace, in Terraform's pg backend layout (core/backends/pg/pg_tables.h), locked with
// session-level advisory locks (core/backends/pg/pg_lock.h).
#pragma once

#include <filesystem>
#include <memory>

#include "core/pg/pg_connection.h"
#include "core/backends/pg/pg_settings.h"
#include "core/backends/pg/pg_tables.h"
#include "core/state/backend.h"

namespace plinth::backends {

class PgBackend final : public Backend {
public:
    PgBackend(std::shared_ptr<pg::PgConnection> connection, PgSettings settings, PgTables tables,
              std::filesystem::path stack_dir);

    std::string type() const override { return "pg"; }
    std::string describe() const override;
    std::expected<std::vector<std::string>, Diagnostic> workspaces() override;
    std::expected<std::unique_ptr<StateStore>, Diagnostic> open(const std::string& workspace) override;
    std::expected<void, Diagnostic> delete_workspace(const std::string& workspace) override;

private:
    std::shared_ptr<pg::PgConnection> m_connection;
    PgSettings m_settings;
    PgTables m_tables;
    std::filesystem::path m_stack_dir;
};

// Reads the settings of `decl`, connects and creates the schema and tables that are missing.
std::expected<std::unique_ptr<Backend>, Diagnostic> open_pg_backend(const BackendDecl& decl,
                                                                    const std::filesystem::path& stack_dir);

}  // namespace plinth::backends
