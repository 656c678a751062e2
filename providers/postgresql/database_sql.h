// providers/postgresql/database_sql.h: what postgresql_database says to the server and reads
// back: the statements creating, altering, renaming and dropping a database (names quoted as
// identifiers, encoding and collation as literals) and its attributes from pg_database.
#pragma once

#include <optional>
#include <string>

#include "core/value.h"
#include "providers/postgresql/catalog_rows.h"
#include "providers/postgresql/sql_text.h"

namespace plinth::providers::postgresql {

struct DatabaseSpec {
    std::string name;
    std::optional<std::string> owner;       // else the connecting user
    std::optional<std::string> encoding;    // else the template's
    std::optional<std::string> lc_collate;  // else the template's
    std::optional<std::string> template_name;
    long long connection_limit = -1;
};

DatabaseSpec database_spec(const Value& attributes);

Result<std::string> create_database_sql(const pg::Quoter& quoter, const DatabaseSpec& database);
Result<std::string> rename_database_sql(const pg::Quoter& quoter, const std::string& from, const std::string& to);
Result<std::string> database_owner_sql(const pg::Quoter& quoter, const std::string& name, const std::string& owner);
Result<std::string> database_connection_limit_sql(const pg::Quoter& quoter, const std::string& name, long long limit);
Result<std::string> drop_database_sql(const pg::Quoter& quoter, const std::string& name);

// owner, encoding, collation and connection limit of the database named $1.
extern const char* const k_database_query;
// `current` with a row of k_database_query. An encoding or collation that differs from the
// stack's only in letter case ("utf8", "UTF8") keeps the stack's spelling. The template is kept:
// the catalogs do not record it.
Value database_attributes(Value current, const CatalogRow& row);

}  // namespace plinth::providers::postgresql
