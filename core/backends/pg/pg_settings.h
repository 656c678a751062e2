// core/backends/pg/pg_settings.h: the `backend: { type: pg, ... }` settings, named as Terraform's
// pg backend names them (and read from the same environment variables), so a team moving between
// the two keeps its configuration.
#pragma once

#include <expected>
#include <string>

#include "core/diagnostics.h"
#include "core/stack/stack.h"

namespace plinth::backends {

// plinth's own schema by default: the table layout is Terraform's, the state documents in it are
// not, so the two tools never read each other's rows by accident. Set `schema_name:
// terraform_remote_state` to share Terraform's.
inline constexpr const char* k_pg_default_schema = "plinth_remote_state";

struct PgSettings {
    std::string conn_str;     // libpq connection string or postgres:// URL; PG_CONN_STR
    std::string schema_name;  // PG_SCHEMA_NAME, else k_pg_default_schema
    bool skip_schema_creation = false;  // the schema exists already (no CREATE SCHEMA privilege needed)
    bool skip_table_creation = false;   // the sequence and tables exist already
    bool skip_index_creation = false;   // the states_by_name index exists already
};

// Errors for unknown settings, a missing conn_str, an empty schema name, flags that are not
// true/false, each at its file:line:column.
std::expected<PgSettings, Diagnostic> read_pg_settings(const BackendDecl& decl);

}  // namespace plinth::backends
