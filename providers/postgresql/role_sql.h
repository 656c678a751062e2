// providers/postgresql/role_sql.h: what postgresql_role says to the server and reads back: a role
// as the stack describes it, the statements creating, altering, renaming and dropping it (every
// name and the password quoted through the connection), and its attributes from pg_roles and
// pg_auth_members.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/value.h"
#include "providers/postgresql/catalog_rows.h"
#include "providers/postgresql/sql_text.h"

namespace plinth::providers::postgresql {

struct RoleSpec {
    std::string name;
    bool login = false;
    bool superuser = false;
    bool createdb = false;
    bool inherit = true;
    long long connection_limit = -1;  // -1: no limit
    std::optional<std::string> password;
    std::vector<std::string> roles;  // the roles it is a member of
};

// The role a resource's attributes describe (defaults where absent).
RoleSpec role_spec(const Value& attributes);

Result<std::string> create_role_sql(const pg::Quoter& quoter, const RoleSpec& role);
// ALTER ROLE for the options that differ between `prior` and `planned` (named by `planned`);
// nullopt when none does. Only a changed superuser flag is sent: changing it needs a superuser.
std::optional<Result<std::string>> alter_role_sql(const pg::Quoter& quoter, const RoleSpec& prior,
                                                  const RoleSpec& planned);
Result<std::string> rename_role_sql(const pg::Quoter& quoter, const std::string& from, const std::string& to);
// GRANT (or, when `grant` is false, REVOKE) membership in `roles` to (from) `member`.
Result<std::string> role_membership_sql(const pg::Quoter& quoter, bool grant, const std::vector<std::string>& roles,
                                        const std::string& member);
Result<std::string> drop_role_sql(const pg::Quoter& quoter, const std::string& name);

// `error` with every occurrence of `secret` (a password) in its summary and detail masked: the
// server quotes a statement's text back in some errors ("LINE 1: CREATE ROLE ...").
ProviderError without_secret(ProviderError error, const std::optional<std::string>& secret);

// The columns role_attributes() reads, for the role named $1.
extern const char* const k_role_query;
// The roles the role named $1 is a member of.
extern const char* const k_role_membership_query;
// `current` with what the catalogs say: a row of k_role_query and the names of
// k_role_membership_query. The password is kept: PostgreSQL never shows it.
Value role_attributes(Value current, const CatalogRow& row, std::vector<std::string> member_of);

}  // namespace plinth::providers::postgresql
