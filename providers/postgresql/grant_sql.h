// providers/postgresql/grant_sql.h: what postgresql_grant says to the server and reads back. A
// grant is authoritative for its target, as in Terraform: the role holds exactly `privileges` on
// the database, the schema, or the tables, sequences or functions (`objects`, or all of them in
// the schema). Privileges are checked against each object type's list and written from that
// list, so no text of the stack's reaches the statement but quoted names. Refresh reads the
// target's ACLs (aclexplode) for what was granted to the role itself.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"
#include "providers/postgresql/catalog_rows.h"
#include "providers/postgresql/sql_text.h"

namespace plinth::providers::postgresql {

enum class GrantObjectType { Database, Schema, Table, Sequence, Function };

std::optional<GrantObjectType> grant_object_type(std::string_view name);
// The privileges PostgreSQL has for `type`, in its own spelling.
const std::vector<std::string_view>& grant_privileges(GrantObjectType type);

struct GrantSpec {
    std::string role;
    std::string database;
    std::string schema;  // empty for a database grant
    GrantObjectType object_type = GrantObjectType::Database;
    std::vector<std::string> objects;  // empty: every object of the type in the schema
    std::vector<std::string> privileges;
};

// The grant the attributes describe; an error naming the attribute when object_type, schema,
// objects or privileges do not fit together. Attributes still unknown are not checked.
Result<GrantSpec> grant_spec(const Value& attributes);

// REVOKE ALL PRIVILEGES on the target from the role.
Result<std::string> revoke_grant_sql(const pg::Quoter& quoter, const GrantSpec& grant);
// GRANT the privileges on the target to the role; nullopt when there are none to grant.
std::optional<Result<std::string>> grant_sql(const pg::Quoter& quoter, const GrantSpec& grant);

// "<role>/<database>/database" or "<role>/<database>/<schema>/<object_type>": the id of a grant
// and its import id.
std::string grant_id(const GrantSpec& grant);
// The grant an import id names (objects empty, privileges unread).
Result<GrantSpec> parse_grant_id(const std::string& id);

// Rows (object name, privilege or NULL) for the target's objects, with $1 the database (database
// grants) or schema (the others) and $2 the role.
const char* grant_query(GrantObjectType type);
// Whether the role named $1 exists.
extern const char* const k_role_exists_query;
// The privileges the role holds on every object of the target, from rows of grant_query();
// `fallback` when the target names no object that exists (an empty schema).
std::vector<std::string> privileges_on_every(const std::vector<CatalogRow>& rows, const GrantSpec& grant,
                                             const std::vector<std::string>& fallback);

}  // namespace plinth::providers::postgresql
