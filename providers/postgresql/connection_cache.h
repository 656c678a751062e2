// providers/postgresql/connection_cache.h: the postgresql provider's connections, one per database
// (a schema, grant or extension lives in a database, and PostgreSQL reaches a database only
// through a connection to it), opened on first use and kept for the run. The applier calls
// resource types from many threads: each connection is used by one caller at a time.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "core/pg/pg_connection.h"
#include "providers/postgresql/postgresql_settings.h"
#include "providers/provider.h"

namespace plinth::providers::postgresql {

// What runs on a connection.
using ConnectionWork = std::function<Result<void>(pg::PgConnection& connection)>;

class ConnectionCache {
public:
    // Before any use; later calls drop the connections made with the former settings.
    void configure(PostgresqlSettings settings);

    // The provider's own database (where roles and databases are managed).
    std::string default_database() const;

    // Runs `work` on the connection to `database` (opened when there is none yet), holding it for
    // the duration: callers on the same database wait for each other, others run in parallel.
    Result<void> run(const std::string& database, const ConnectionWork& work);

    // Closes the connection to `database`, if any (before it is renamed or dropped).
    void forget(const std::string& database);

private:
    struct Slot {
        std::mutex mutex;  // held while the connection is used
        std::unique_ptr<pg::PgConnection> connection;
    };

    mutable std::mutex m_mutex;  // guards m_settings, m_configured and m_slots (the map, not the slots)
    PostgresqlSettings m_settings;
    bool m_configured = false;
    std::map<std::string, std::shared_ptr<Slot>> m_slots;
};

// A connection failure or failed statement as a provider error.
ProviderError database_error(const Diagnostic& diagnostic);

}  // namespace plinth::providers::postgresql
