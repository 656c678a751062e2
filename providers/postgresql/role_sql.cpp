#include "providers/postgresql/role_sql.h"

#include <cstdint>

#include "providers/attributes.h"

namespace plinth::providers::postgresql {

const char* const k_role_query =
    "SELECT rolcanlogin, rolsuper, rolcreatedb, rolinherit, rolconnlimit FROM pg_catalog.pg_roles WHERE rolname = $1";
const char* const k_role_membership_query =
    "SELECT g.rolname FROM pg_catalog.pg_auth_members m JOIN pg_catalog.pg_roles r ON r.oid = m.member "
    "JOIN pg_catalog.pg_roles g ON g.oid = m.roleid WHERE r.rolname = $1";

namespace {

const char* flag_keyword(bool on, const char* yes, const char* no) { return on ? yes : no; }

}  // namespace

RoleSpec role_spec(const Value& attributes) {
    RoleSpec role;
    if (const std::string* name = string_attribute(attributes, "name")) role.name = *name;
    role.login = bool_attribute(attributes, "login", role.login);
    role.superuser = bool_attribute(attributes, "superuser", role.superuser);
    role.createdb = bool_attribute(attributes, "createdb", role.createdb);
    role.inherit = bool_attribute(attributes, "inherit", role.inherit);
    if (auto limit = integer_attribute(attributes, "connection_limit")) role.connection_limit = *limit;
    if (const std::string* password = string_attribute(attributes, "password")) role.password = *password;
    role.roles = string_list(attributes, "roles");
    return role;
}

Result<std::string> create_role_sql(const pg::Quoter& quoter, const RoleSpec& role) {
    SqlText sql(quoter);
    sql.keyword("CREATE ROLE ").identifier(role.name).keyword(" WITH ");
    sql.keyword(flag_keyword(role.login, "LOGIN", "NOLOGIN"));
    if (role.superuser) sql.keyword(" SUPERUSER");
    sql.keyword(flag_keyword(role.createdb, " CREATEDB", " NOCREATEDB"));
    sql.keyword(flag_keyword(role.inherit, " INHERIT", " NOINHERIT"));
    sql.keyword(" CONNECTION LIMIT ").number(role.connection_limit);
    if (role.password) sql.keyword(" PASSWORD ").literal(*role.password);
    if (!role.roles.empty()) sql.keyword(" IN ROLE ").identifiers(role.roles);
    return sql.text();
}

std::optional<Result<std::string>> alter_role_sql(const pg::Quoter& quoter, const RoleSpec& prior,
                                                  const RoleSpec& planned) {
    SqlText sql(quoter);
    sql.keyword("ALTER ROLE ").identifier(planned.name).keyword(" WITH");
    bool changed = false;
    auto flag = [&](bool before, bool after, const char* yes, const char* no) {
        if (before == after) return;
        sql.keyword(" ").keyword(flag_keyword(after, yes, no));
        changed = true;
    };
    flag(prior.login, planned.login, "LOGIN", "NOLOGIN");
    flag(prior.superuser, planned.superuser, "SUPERUSER", "NOSUPERUSER");
    flag(prior.createdb, planned.createdb, "CREATEDB", "NOCREATEDB");
    flag(prior.inherit, planned.inherit, "INHERIT", "NOINHERIT");
    if (prior.connection_limit != planned.connection_limit) {
        sql.keyword(" CONNECTION LIMIT ").number(planned.connection_limit);
        changed = true;
    }
    if (prior.password != planned.password) {
        if (planned.password)
            sql.keyword(" PASSWORD ").literal(*planned.password);
        else
            sql.keyword(" PASSWORD NULL");
        changed = true;
    }
    if (!changed) return std::nullopt;
    return sql.text();
}

Result<std::string> rename_role_sql(const pg::Quoter& quoter, const std::string& from, const std::string& to) {
    return SqlText(quoter).keyword("ALTER ROLE ").identifier(from).keyword(" RENAME TO ").identifier(to).text();
}

Result<std::string> role_membership_sql(const pg::Quoter& quoter, bool grant, const std::vector<std::string>& roles,
                                        const std::string& member) {
    SqlText sql(quoter);
    sql.keyword(grant ? "GRANT " : "REVOKE ").identifiers(roles).keyword(grant ? " TO " : " FROM ").identifier(member);
    return sql.text();
}

Result<std::string> drop_role_sql(const pg::Quoter& quoter, const std::string& name) {
    return SqlText(quoter).keyword("DROP ROLE ").identifier(name).text();
}

ProviderError without_secret(ProviderError error, const std::optional<std::string>& secret) {
    if (!secret || secret->empty()) return error;
    constexpr std::string_view k_mask = "(sensitive value)";
    for (std::string* text : {&error.summary, &error.detail})
        for (auto at = text->find(*secret); at != std::string::npos; at = text->find(*secret, at + k_mask.size()))
            text->replace(at, secret->size(), k_mask);
    return error;
}

Value role_attributes(Value current, const CatalogRow& row, std::vector<std::string> member_of) {
    auto column = [&](std::size_t index) { return column_of(row, index); };
    set_attribute(current, "login", catalog_bool(column(0)));
    set_attribute(current, "superuser", catalog_bool(column(1)));
    set_attribute(current, "createdb", catalog_bool(column(2)));
    set_attribute(current, "inherit", catalog_bool(column(3)));
    set_attribute(current, "connection_limit", Value(static_cast<std::int64_t>(catalog_number(column(4), -1))));
    set_attribute(current, "roles", names_in_configured_order(std::move(member_of), current.find("roles")));
    return current;
}

}  // namespace plinth::providers::postgresql
