// core/backends/pg/pg_tables.h: the tables the pg backend keeps in its schema, and creating them.
// `states` is Terraform's pg backend layout exactly (id from the global sequence
// public.global_states_id_seq, name = workspace, data = the state document; unique index
// states_by_name), so rows move between the two with plain SQL. `plinth_locks` is plinth's own:
// one row per held lock saying who holds it (Terraform ignores it).
#pragma once

#include <expected>
#include <string>

#include "core/pg/pg_connection.h"
#include "core/backends/pg/pg_settings.h"
#include "core/diagnostics.h"

namespace plinth::backends {

// Quoted, schema-qualified table names, ready to go into SQL text.
struct PgTables {
    std::string schema_name;  // as configured, for messages
    std::string states;       // "schema"."states"
    std::string locks;        // "schema"."plinth_locks"
};

// Creates what is missing (unless the settings say to skip it), serialized against other plinth
// runs by a transaction-scoped advisory lock so that two first runs do not race.
std::expected<PgTables, Diagnostic> prepare_pg_tables(pg::PgConnection& connection, const PgSettings& settings);

}  // namespace plinth::backends
