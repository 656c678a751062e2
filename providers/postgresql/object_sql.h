// providers/postgresql/object_sql.h: the statements of the database-scoped objects with little
// to say, schemas and extensions: created, altered, dropped, every name quoted as an identifier
// and a version as a literal; and the catalog queries refresh reads them back with.
#pragma once

#include <optional>
#include <string>

#include "providers/postgresql/sql_text.h"

namespace plinth::providers::postgresql {

Result<std::string> create_schema_sql(const pg::Quoter& quoter, const std::string& name,
                                      const std::optional<std::string>& owner, bool if_not_exists);
Result<std::string> rename_schema_sql(const pg::Quoter& quoter, const std::string& from, const std::string& to);
Result<std::string> schema_owner_sql(const pg::Quoter& quoter, const std::string& name, const std::string& owner);
Result<std::string> drop_schema_sql(const pg::Quoter& quoter, const std::string& name, bool cascade);
// The owner of the schema named $1.
extern const char* const k_schema_query;

struct ExtensionSpec {
    std::string name;
    std::optional<std::string> schema;   // else the first schema on the search path
    std::optional<std::string> version;  // else the default version
};
Result<std::string> create_extension_sql(const pg::Quoter& quoter, const ExtensionSpec& extension);
Result<std::string> extension_version_sql(const pg::Quoter& quoter, const std::string& name,
                                          const std::string& version);
Result<std::string> extension_schema_sql(const pg::Quoter& quoter, const std::string& name,
                                         const std::string& schema);
Result<std::string> drop_extension_sql(const pg::Quoter& quoter, const std::string& name, bool cascade);
// The schema and version of the extension named $1.
extern const char* const k_extension_query;

// Whether the database named $1 exists (asked of the provider's own database).
extern const char* const k_database_exists_query;

}  // namespace plinth::providers::postgresql
