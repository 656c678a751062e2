// providers/postgresql/postgresql_settings.h: the postgresql provider's settings (the
// `providers: { postgresql: ... }` block), named as Terraform's postgresql provider names them,
// each falling back to libpq's environment variable when not given:
//   host             PGHOST             server name or address (else libpq's default socket)
//   port             PGPORT             default 5432
//   username         PGUSER             else libpq's default (the operating-system user)
//   password         PGPASSWORD         sensitive
//   database         PGDATABASE         the database roles and databases are managed through, and
//                                       the default of a schema's, grant's or extension's; default
//                                       "postgres"
//   sslmode          PGSSLMODE          disable, allow, prefer (libpq's default), require,
//                                       verify-ca, verify-full
//   connect_timeout  PGCONNECT_TIMEOUT  seconds; default 10
// An environment variable counts only when the setting is not given and the variable is not empty.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/environment.h"
#include "core/pg/pg_connection.h"
#include "providers/provider.h"
#include "providers/schema.h"

namespace plinth::providers::postgresql {

inline constexpr const char* k_default_database = "postgres";

struct PostgresqlSettings {
    pg::ConnectParameters server;  // libpq keywords (host, port, user, ...) without dbname
    std::string database;          // the provider's own database

    // `server` with `dbname` set to `name`.
    pg::ConnectParameters for_database(const std::string& name) const;
};

std::vector<AttributeSchema> postgresql_settings_schema();

// `config` has been checked against postgresql_settings_schema().
Result<PostgresqlSettings> read_postgresql_settings(const Value& config, const EnvironmentLookup& environment);

}  // namespace plinth::providers::postgresql
