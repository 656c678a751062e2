#include "providers/postgresql/object_sql.h"

namespace plinth::providers::postgresql {

const char* const k_schema_query =
    "SELECT pg_catalog.pg_get_userbyid(nspowner) FROM pg_catalog.pg_namespace WHERE nspname = $1";
const char* const k_extension_query =
    "SELECT n.nspname, e.extversion FROM pg_catalog.pg_extension e "
    "JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = $1";
const char* const k_database_exists_query = "SELECT 1 FROM pg_catalog.pg_database WHERE datname = $1";

Result<std::string> create_schema_sql(const pg::Quoter& quoter, const std::string& name,
                                      const std::optional<std::string>& owner, bool if_not_exists) {
    SqlText sql(quoter);
    sql.keyword(if_not_exists ? "CREATE SCHEMA IF NOT EXISTS " : "CREATE SCHEMA ").identifier(name);
    if (owner) sql.keyword(" AUTHORIZATION ").identifier(*owner);
    return sql.text();
}

Result<std::string> rename_schema_sql(const pg::Quoter& quoter, const std::string& from, const std::string& to) {
    return SqlText(quoter).keyword("ALTER SCHEMA ").identifier(from).keyword(" RENAME TO ").identifier(to).text();
}

Result<std::string> schema_owner_sql(const pg::Quoter& quoter, const std::string& name, const std::string& owner) {
    return SqlText(quoter).keyword("ALTER SCHEMA ").identifier(name).keyword(" OWNER TO ").identifier(owner).text();
}

Result<std::string> drop_schema_sql(const pg::Quoter& quoter, const std::string& name, bool cascade) {
    return SqlText(quoter).keyword("DROP SCHEMA ").identifier(name).keyword(cascade ? " CASCADE" : "").text();
}

Result<std::string> create_extension_sql(const pg::Quoter& quoter, const ExtensionSpec& extension) {
    SqlText sql(quoter);
    sql.keyword("CREATE EXTENSION ").identifier(extension.name);
    if (extension.schema) sql.keyword(" SCHEMA ").identifier(*extension.schema);
    if (extension.version) sql.keyword(" VERSION ").literal(*extension.version);
    return sql.text();
}

Result<std::string> extension_version_sql(const pg::Quoter& quoter, const std::string& name,
                                          const std::string& version) {
    return SqlText(quoter).keyword("ALTER EXTENSION ").identifier(name).keyword(" UPDATE TO ").literal(version).text();
}

Result<std::string> extension_schema_sql(const pg::Quoter& quoter, const std::string& name,
                                         const std::string& schema) {
    return SqlText(quoter).keyword("ALTER EXTENSION ").identifier(name).keyword(" SET SCHEMA ").identifier(schema)
        .text();
}

Result<std::string> drop_extension_sql(const pg::Quoter& quoter, const std::string& name, bool cascade) {
    return SqlText(quoter).keyword("DROP EXTENSION ").identifier(name).keyword(cascade ? " CASCADE" : "").text();
}

}  // namespace plinth::providers::postgresql
