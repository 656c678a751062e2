#include "providers/postgresql/sql_text.h"

#include "providers/postgresql/connection_cache.h"

namespace plinth::providers::postgresql {

void SqlText::append(const std::expected<std::string, Diagnostic>& quoted) {
    if (quoted)
        m_text += *quoted;
    else if (!m_error)
        m_error = quoted.error();
}

SqlText& SqlText::keyword(std::string_view sql) {
    m_text += sql;
    return *this;
}

SqlText& SqlText::identifier(const std::string& name) {
    append(m_quoter.quote_identifier(name));
    return *this;
}

SqlText& SqlText::qualified(const std::string& schema, const std::string& name) {
    return identifier(schema).keyword(".").identifier(name);
}

SqlText& SqlText::identifiers(const std::vector<std::string>& names) {
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) m_text += ", ";
        identifier(names[i]);
    }
    return *this;
}

SqlText& SqlText::literal(const std::string& text) {
    append(m_quoter.quote_literal(text));
    return *this;
}

SqlText& SqlText::number(long long value) {
    m_text += std::to_string(value);
    return *this;
}

Result<std::string> SqlText::text() const {
    if (m_error) return std::unexpected(database_error(*m_error));
    return m_text;
}

Result<void> run_sql(pg::PgConnection& connection, const std::string& what, const Result<std::string>& sql) {
    if (!sql) return std::unexpected(sql.error());
    auto done = connection.exec(what, *sql);
    if (!done) return std::unexpected(database_error(done.error()));
    return {};
}

}  // namespace plinth::providers::postgresql
