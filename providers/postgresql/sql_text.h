// providers/postgresql/sql_text.h: building the text of a statement PostgreSQL takes no
// parameters in (CREATE ROLE, GRANT, ...): plinth's own keywords appended as they are, every name
// through the quoter's identifier quoting and every value through its literal quoting, never
// pasted. The first quoting failure is kept and reported by text().
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/pg/pg_connection.h"
#include "providers/provider.h"

namespace plinth::providers::postgresql {

class SqlText {
public:
    explicit SqlText(const pg::Quoter& quoter) : m_quoter(quoter) {}

    // plinth's own SQL: a constant, never text from a stack or a catalog.
    SqlText& keyword(std::string_view sql);
    SqlText& identifier(const std::string& name);
    // `schema`.`name`, each quoted.
    SqlText& qualified(const std::string& schema, const std::string& name);
    // Names quoted and separated by ", ".
    SqlText& identifiers(const std::vector<std::string>& names);
    SqlText& literal(const std::string& text);
    SqlText& number(long long value);

    // The statement, or the first quoting failure.
    Result<std::string> text() const;

private:
    void append(const std::expected<std::string, Diagnostic>& quoted);

    const pg::Quoter& m_quoter;
    std::string m_text;
    std::optional<Diagnostic> m_error;
};

// Runs a statement built with SqlText (or its quoting failure); `what` names it in the error.
Result<void> run_sql(pg::PgConnection& connection, const std::string& what, const Result<std::string>& sql);

}  // namespace plinth::providers::postgresql
