#include "core/backends/pg/pg_tables.h"

#include <fmt/format.h>

namespace plinth::backends {

namespace {

// The two-key form of advisory locks has its own key space: it never meets the state row IDs
// that lock workspaces. "plnt" and 1.
constexpr const char* k_setup_lock = "SELECT pg_advisory_xact_lock(1886154356, 1)";

std::expected<void, Diagnostic> create_tables(pg::PgConnection& connection, const PgSettings& settings,
                                              const PgTables& tables, const std::string& schema) {
    const std::string what = fmt::format("prepare the schema {}", settings.schema_name);
    auto run = [&](const std::string& sql, const std::vector<std::string>& params = {}) {
        return connection.exec(what, sql, params);
    };
    if (auto locked = run(k_setup_lock); !locked) return std::unexpected(locked.error());
    if (!settings.skip_schema_creation) {
        // CREATE SCHEMA IF NOT EXISTS needs the CREATE privilege even when the schema exists.
        auto found = run("SELECT count(1) FROM information_schema.schemata WHERE schema_name = $1",
                         {settings.schema_name});
        if (!found) return std::unexpected(found.error());
        if (found->value(0, 0) == "0")
            if (auto created = run(fmt::format("CREATE SCHEMA IF NOT EXISTS {}", schema)); !created)
                return std::unexpected(created.error());
    }
    // Only what is missing is created: CREATE ... IF NOT EXISTS needs the CREATE privilege even
    // when the object exists, and since PostgreSQL 15 few users have it on schema public.
    auto missing = run("SELECT to_regclass('public.global_states_id_seq') IS NULL, to_regclass($1) IS NULL, "
                       "to_regclass($2) IS NULL, to_regclass($3) IS NULL",
                       {tables.states, tables.locks, schema + ".states_by_name"});
    if (!missing) return std::unexpected(missing.error());
    auto is_missing = [&](int column) { return missing->value(0, column) == "t"; };
    std::vector<std::string> statements;
    if (!settings.skip_table_creation) {
        if (is_missing(0)) statements.push_back("CREATE SEQUENCE IF NOT EXISTS public.global_states_id_seq AS bigint");
        if (is_missing(1))
            statements.push_back(fmt::format("CREATE TABLE IF NOT EXISTS {} (id bigint NOT NULL DEFAULT "
                                             "nextval('public.global_states_id_seq') PRIMARY KEY, name text UNIQUE, "
                                             "data text)",
                                             tables.states));
        if (is_missing(2))
            statements.push_back(fmt::format("CREATE TABLE IF NOT EXISTS {} (name text PRIMARY KEY, lock_id text NOT "
                                             "NULL, operation text NOT NULL, who text NOT NULL, version text NOT NULL, "
                                             "created text NOT NULL, pid integer NOT NULL)",
                                             tables.locks));
    }
    if (!settings.skip_index_creation && is_missing(3))
        statements.push_back(
            fmt::format("CREATE UNIQUE INDEX IF NOT EXISTS states_by_name ON {} (name)", tables.states));
    for (const auto& sql : statements)
        if (auto created = run(sql); !created) return std::unexpected(created.error());
    return {};
}

}  // namespace

std::expected<PgTables, Diagnostic> prepare_pg_tables(pg::PgConnection& connection, const PgSettings& settings) {
    auto schema = connection.quote_identifier(settings.schema_name);
    if (!schema) return std::unexpected(schema.error());
    PgTables tables{settings.schema_name, *schema + ".states", *schema + ".plinth_locks"};
    const std::string what = fmt::format("prepare the schema {}", settings.schema_name);
    if (auto begun = connection.exec(what, "BEGIN"); !begun) return std::unexpected(begun.error());
    auto created = create_tables(connection, settings, tables, *schema);
    auto finished = connection.exec(what, created ? "COMMIT" : "ROLLBACK");
    if (!created) return std::unexpected(created.error());
    if (!finished) return std::unexpected(finished.error());
    return tables;
}

}  // namespace plinth::backends
