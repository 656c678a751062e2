// core/backends/pg/pg_connection.h: one libpq connection and its query results, owned RAII. Every
// value travels as a query parameter and every identifier through quote_identifier(): no SQL is
// ever pasted together from user text. Failures are diagnostics carrying the server's (or
// libpq's) message verbatim.
#pragma once

#include <expected>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostics.h"

struct pg_conn;
struct pg_result;

namespace plinth::backends {

// The keyword/value pairs handed to PQconnectdbParams for `conn_str`: plinth's defaults (connect
// and keepalive timeouts, a statement timeout, application_name) first, then `conn_str` as the
// expanded dbname, so anything the connection string sets wins over the defaults.
std::vector<std::pair<std::string, std::string>> pg_connect_parameters(const std::string& conn_str);

// One query's rows, as text.
class PgResult {
public:
    explicit PgResult(pg_result* result);
    ~PgResult();
    PgResult(PgResult&& other) noexcept;
    PgResult& operator=(PgResult&&) = delete;

    int rows() const;
    // The field's text; nullopt for NULL.
    std::optional<std::string> value(int row, int column) const;

private:
    friend class PgConnection;
    pg_result* m_result;
};

class PgConnection {
public:
    // Connects; the error names `conn_str`'s server only through libpq's own message (which never
    // shows a password).
    static std::expected<std::unique_ptr<PgConnection>, Diagnostic> open(const std::string& conn_str);
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    // Runs `sql` with `params` ($1, $2, ...); `what` says what was being done ("read the state of
    // workspace dev") in the error. A connection found broken is reset once before running.
    std::expected<PgResult, Diagnostic> exec(const std::string& what, const std::string& sql,
                                             const std::vector<std::string>& params = {});

    // `name` as a quoted SQL identifier (PQescapeIdentifier).
    std::expected<std::string, Diagnostic> quote_identifier(const std::string& name);

    // "host:port/database" of the live connection.
    std::string server() const;

private:
    explicit PgConnection(pg_conn* connection) : m_connection(connection) {}

    pg_conn* m_connection;
};

}  // namespace plinth::backends
