// core/pg/pg_connection.h: one libpq connection and its query results, owned RAII, shared by the pg
// state backend and the postgresql provider. Every value travels as a query parameter and every
// identifier through quote_identifier() (DDL, which takes no parameters, quotes its values with
// quote_literal()): no SQL is ever pasted together from user text. Failures are diagnostics
// carrying the server's (or libpq's) message verbatim.
#pragma once

#include <expected>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostics.h"

struct pg_conn;
struct pg_result;

namespace plinth::pg {

// libpq connection keywords and their values, as PQconnectdbParams takes them.
using ConnectParameters = std::vector<std::pair<std::string, std::string>>;

// The pairs handed to PQconnectdbParams for `conn_str`: plinth's defaults (connect and keepalive
// timeouts, a statement timeout, application_name) first, then `conn_str` as the expanded dbname,
// so anything the connection string sets wins over the defaults.
ConnectParameters connect_parameters(const std::string& conn_str);
// plinth's defaults, then `settings` (host, port, user, dbname, ...), which win over them. No
// value is parsed as a connection string: a database named "a=b" is a name.
ConnectParameters connect_parameters(const ConnectParameters& settings);

// What builds SQL text needs: identifiers and literals quoted for the server's encoding. A fake
// stands in for a connection in tests of SQL building.
class Quoter {
public:
    virtual ~Quoter() = default;
    // `name` as a quoted SQL identifier (PQescapeIdentifier).
    virtual std::expected<std::string, Diagnostic> quote_identifier(const std::string& name) const = 0;
    // `text` as a quoted SQL string literal (PQescapeLiteral).
    virtual std::expected<std::string, Diagnostic> quote_literal(const std::string& text) const = 0;
};

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

class PgConnection final : public Quoter {
public:
    // Connects to `conn_str`; the error's summary says what the connection was `purpose`d for ("for
    // the pg backend") and names the server only through libpq's own message (which never shows
    // a password).
    static std::expected<std::unique_ptr<PgConnection>, Diagnostic> open(const std::string& conn_str,
                                                                         std::string_view purpose);
    // The same from keyword/value pairs (see connect_parameters(const ConnectParameters&)).
    static std::expected<std::unique_ptr<PgConnection>, Diagnostic> open(const ConnectParameters& settings,
                                                                         std::string_view purpose);
    ~PgConnection() override;
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    // Runs `sql` with `params` ($1, $2, ...); `what` says what was being done ("read the state of
    // workspace dev") in the error. A connection found broken is reset once before running.
    std::expected<PgResult, Diagnostic> exec(const std::string& what, const std::string& sql,
                                             const std::vector<std::string>& params = {});

    std::expected<std::string, Diagnostic> quote_identifier(const std::string& name) const override;
    std::expected<std::string, Diagnostic> quote_literal(const std::string& text) const override;

    // "host:port/database" of the live connection.
    std::string server() const;

private:
    explicit PgConnection(pg_conn* connection) : m_connection(connection) {}

    pg_conn* m_connection;
};

}  // namespace plinth::pg
