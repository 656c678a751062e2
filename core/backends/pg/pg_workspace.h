// core/backends/pg/pg_workspace.h: what one workspace's state blob and lock need to reach the
// database: the shared data connection, the connection string (each lock opens a connection of
// its own), the tables, the workspace's name (its row's `name`) and the lock held on it.
#pragma once

#include <memory>
#include <string>

#include "core/pg/pg_connection.h"
#include "core/backends/pg/pg_tables.h"

namespace plinth::backends {

class PgStateLock;

struct PgWorkspace {
    std::shared_ptr<pg::PgConnection> connection;  // reads and writes; never holds a lock
    std::string conn_str;
    PgTables tables;
    std::string name;
    std::string where;  // "pg table plinth_remote_state.states (workspace dev) at host:port/db"
    // The lock this process holds on the workspace, shared by the blob and the lock (which clears
    // it when released): the blob tells it when the workspace's row is created.
    std::shared_ptr<PgStateLock*> held = std::make_shared<PgStateLock*>(nullptr);
};

}  // namespace plinth::backends
