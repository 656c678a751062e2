#include "core/pg/pg_connection.h"

#include <fmt/format.h>
#include <libpq-fe.h>

namespace plinth::pg {

namespace {

// libpq's messages end with a newline; diagnostics add their own.
std::string trimmed(const char* message) {
    std::string text = message ? message : "";
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text;
}

ConnectParameters plinth_defaults() {
    return {
        {"connect_timeout", "10"},
        {"keepalives", "1"},
        {"keepalives_idle", "10"},
        {"keepalives_interval", "5"},
        {"keepalives_count", "3"},
        {"tcp_user_timeout", "30000"},
        {"options", "-c statement_timeout=60000"},
        {"application_name", "plinth"},
    };
}

// PQconnectdbParams over `parameters`; with `expand_dbname`, a dbname holding a connection string
// or URL is parsed as one.
std::expected<std::unique_ptr<pg_conn, void (*)(pg_conn*)>, Diagnostic> connect_with(
    const ConnectParameters& parameters, bool expand_dbname, std::string_view purpose) {
    std::vector<const char*> keywords;
    std::vector<const char*> values;
    for (const auto& [keyword, value] : parameters) {
        keywords.push_back(keyword.c_str());
        values.push_back(value.c_str());
    }
    keywords.push_back(nullptr);
    values.push_back(nullptr);
    std::unique_ptr<pg_conn, void (*)(pg_conn*)> connection(
        PQconnectdbParams(keywords.data(), values.data(), expand_dbname ? 1 : 0), PQfinish);
    std::string summary = fmt::format("cannot connect to PostgreSQL {}", purpose);
    if (!connection) return std::unexpected(make_error(summary, "libpq is out of memory"));
    if (PQstatus(connection.get()) != CONNECTION_OK)
        return std::unexpected(make_error(summary, trimmed(PQerrorMessage(connection.get()))));
    return connection;
}

}  // namespace

ConnectParameters connect_parameters(const std::string& conn_str) {
    ConnectParameters parameters = plinth_defaults();
    parameters.emplace_back("dbname", conn_str);
    return parameters;
}

ConnectParameters connect_parameters(const ConnectParameters& settings) {
    ConnectParameters parameters = plinth_defaults();
    parameters.insert(parameters.end(), settings.begin(), settings.end());
    return parameters;
}

PgResult::PgResult(pg_result* result) : m_result(result) {}

PgResult::~PgResult() {
    if (m_result) PQclear(m_result);
}

PgResult::PgResult(PgResult&& other) noexcept : m_result(std::exchange(other.m_result, nullptr)) {}

int PgResult::rows() const { return PQntuples(m_result); }

std::optional<std::string> PgResult::value(int row, int column) const {
    if (row >= PQntuples(m_result) || column >= PQnfields(m_result) || PQgetisnull(m_result, row, column))
        return std::nullopt;
    return std::string(PQgetvalue(m_result, row, column), PQgetlength(m_result, row, column));
}

std::expected<std::unique_ptr<PgConnection>, Diagnostic> PgConnection::open(const std::string& conn_str,
                                                                            std::string_view purpose) {
    auto connection = connect_with(connect_parameters(conn_str), true, purpose);
    if (!connection) return std::unexpected(connection.error());
    return std::unique_ptr<PgConnection>(new PgConnection(connection->release()));
}

std::expected<std::unique_ptr<PgConnection>, Diagnostic> PgConnection::open(const ConnectParameters& settings,
                                                                            std::string_view purpose) {
    auto connection = connect_with(connect_parameters(settings), false, purpose);
    if (!connection) return std::unexpected(connection.error());
    return std::unique_ptr<PgConnection>(new PgConnection(connection->release()));
}

PgConnection::~PgConnection() { PQfinish(m_connection); }

std::expected<PgResult, Diagnostic> PgConnection::exec(const std::string& what, const std::string& sql,
                                                       const std::vector<std::string>& params) {
    if (PQstatus(m_connection) == CONNECTION_BAD) PQreset(m_connection);
    std::vector<const char*> values;
    for (const auto& param : params) values.push_back(param.c_str());
    PgResult result(PQexecParams(m_connection, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                                 nullptr, nullptr, 0));
    auto status = PQresultStatus(result.m_result);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return result;
    std::string message = trimmed(result.m_result ? PQresultErrorMessage(result.m_result) : nullptr);
    if (message.empty()) message = trimmed(PQerrorMessage(m_connection));
    return std::unexpected(make_error(fmt::format("PostgreSQL: cannot {}", what), message));
}

std::expected<std::string, Diagnostic> PgConnection::quote_identifier(const std::string& name) const {
    char* quoted = PQescapeIdentifier(m_connection, name.c_str(), name.size());
    if (!quoted)
        return std::unexpected(make_error(fmt::format("cannot quote the identifier `{}`", name),
                                          trimmed(PQerrorMessage(m_connection))));
    std::string text = quoted;
    PQfreemem(quoted);
    return text;
}

std::expected<std::string, Diagnostic> PgConnection::quote_literal(const std::string& text) const {
    char* quoted = PQescapeLiteral(m_connection, text.c_str(), text.size());
    // The text may be a password: the error never shows it.
    if (!quoted)
        return std::unexpected(make_error("cannot quote a string literal", trimmed(PQerrorMessage(m_connection))));
    std::string literal = quoted;
    PQfreemem(quoted);
    return literal;
}

std::string PgConnection::server() const {
    return fmt::format("{}:{}/{}", PQhost(m_connection), PQport(m_connection), PQdb(m_connection));
}

}  // namespace plinth::pg
