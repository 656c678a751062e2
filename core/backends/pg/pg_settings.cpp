#include "core/backends/pg/pg_settings.h"

#include "core/backends/settings/backend_settings.h"

namespace plinth::backends {

std::expected<PgSettings, Diagnostic> read_pg_settings(const BackendDecl& decl) {
    auto settings = BackendSettings::read(
        decl, {"conn_str", "schema_name", "skip_schema_creation", "skip_table_creation", "skip_index_creation"});
    if (!settings) return std::unexpected(settings.error());
    PgSettings pg;
    auto conn_str = settings->required("conn_str", {"PG_CONN_STR"});
    if (!conn_str) return std::unexpected(conn_str.error());
    pg.conn_str = *conn_str;
    pg.schema_name = settings->text("schema_name", {"PG_SCHEMA_NAME"}).value_or(k_pg_default_schema);
    if (pg.schema_name.empty()) {
        auto it = decl.settings.find("schema_name");
        return std::unexpected(make_error("backend setting `schema_name` must not be empty",
                                          "leave it out to use the default schema plinth_remote_state",
                                          it == decl.settings.end() ? decl.location : it->second.location));
    }
    struct Flag {
        const char* name;
        const char* environment;
        bool* target;
    };
    for (const Flag& flag : {Flag{"skip_schema_creation", "PG_SKIP_SCHEMA_CREATION", &pg.skip_schema_creation},
                             Flag{"skip_table_creation", "PG_SKIP_TABLE_CREATION", &pg.skip_table_creation},
                             Flag{"skip_index_creation", "PG_SKIP_INDEX_CREATION", &pg.skip_index_creation}}) {
        auto value = settings->flag(flag.name, false, {flag.environment});
        if (!value) return std::unexpected(value.error());
        *flag.target = *value;
    }
    return pg;
}

}  // namespace plinth::backends
