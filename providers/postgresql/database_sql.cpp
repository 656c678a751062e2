#include "providers/postgresql/database_sql.h"

#include <algorithm>
#include <cctype>

#include "providers/attributes.h"
#include "providers/postgresql/postgresql_types.h"

namespace plinth::providers::postgresql {

const char* const k_database_query =
    "SELECT pg_catalog.pg_get_userbyid(datdba), pg_catalog.pg_encoding_to_char(encoding), datcollate, datconnlimit "
    "FROM pg_catalog.pg_database WHERE datname = $1";

namespace {

bool same_ignoring_case(const std::string& a, const std::string& b) {
    return std::ranges::equal(a, b, [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

// Sets `name` to the catalog's `found` unless the recorded value is the same name in other case.
void set_spelling(Value& current, std::string_view name, const std::optional<std::string>& found) {
    if (!found) return;
    const std::string* recorded = string_attribute(current, name);
    if (recorded != nullptr && same_ignoring_case(*recorded, *found)) return;
    set_attribute(current, name, *found);
}

}  // namespace

DatabaseSpec database_spec(const Value& attributes) {
    DatabaseSpec database;
    if (const std::string* name = string_attribute(attributes, "name")) database.name = *name;
    database.owner = optional_text(attributes, "owner");
    database.encoding = optional_text(attributes, "encoding");
    database.lc_collate = optional_text(attributes, "lc_collate");
    database.template_name = optional_text(attributes, "template");
    if (auto limit = integer_attribute(attributes, "connection_limit")) database.connection_limit = *limit;
    return database;
}

Result<std::string> create_database_sql(const pg::Quoter& quoter, const DatabaseSpec& database) {
    SqlText sql(quoter);
    sql.keyword("CREATE DATABASE ").identifier(database.name).keyword(" WITH");
    if (database.owner) sql.keyword(" OWNER ").identifier(*database.owner);
    if (database.template_name) sql.keyword(" TEMPLATE ").identifier(*database.template_name);
    if (database.encoding) sql.keyword(" ENCODING ").literal(*database.encoding);
    if (database.lc_collate) sql.keyword(" LC_COLLATE ").literal(*database.lc_collate);
    sql.keyword(" CONNECTION LIMIT ").number(database.connection_limit);
    return sql.text();
}

Result<std::string> rename_database_sql(const pg::Quoter& quoter, const std::string& from, const std::string& to) {
    return SqlText(quoter).keyword("ALTER DATABASE ").identifier(from).keyword(" RENAME TO ").identifier(to).text();
}

Result<std::string> database_owner_sql(const pg::Quoter& quoter, const std::string& name, const std::string& owner) {
    return SqlText(quoter).keyword("ALTER DATABASE ").identifier(name).keyword(" OWNER TO ").identifier(owner).text();
}

Result<std::string> database_connection_limit_sql(const pg::Quoter& quoter, const std::string& name, long long limit) {
    return SqlText(quoter).keyword("ALTER DATABASE ").identifier(name).keyword(" WITH CONNECTION LIMIT ").number(limit)
        .text();
}

Result<std::string> drop_database_sql(const pg::Quoter& quoter, const std::string& name) {
    return SqlText(quoter).keyword("DROP DATABASE ").identifier(name).text();
}

Value database_attributes(Value current, const CatalogRow& row) {
    if (auto owner = column_of(row, 0)) set_attribute(current, "owner", *owner);
    set_spelling(current, "encoding", column_of(row, 1));
    set_spelling(current, "lc_collate", column_of(row, 2));
    set_attribute(current, "connection_limit", Value(static_cast<std::int64_t>(catalog_number(column_of(row, 3), -1))));
    return current;
}

}  // namespace plinth::providers::postgresql
