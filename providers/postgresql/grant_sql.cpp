#include "providers/postgresql/grant_sql.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <set>

#include <fmt/format.h>

#include "providers/attributes.h"
#include "providers/postgresql/postgresql_types.h"

namespace plinth::providers::postgresql {

const char* const k_role_exists_query = "SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $1";

namespace {

struct ObjectTypeInfo {
    GrantObjectType type;
    std::string_view name;         // object_type in the stack
    std::string_view keyword;      // GRANT ... ON <keyword> name
    std::string_view all_keyword;  // GRANT ... ON ALL <all_keyword> IN SCHEMA s; empty: not for this type
};

constexpr std::array<ObjectTypeInfo, 5> k_object_types = {{
    {GrantObjectType::Database, "database", "DATABASE", ""},
    {GrantObjectType::Schema, "schema", "SCHEMA", ""},
    {GrantObjectType::Table, "table", "TABLE", "TABLES"},
    {GrantObjectType::Sequence, "sequence", "SEQUENCE", "SEQUENCES"},
    {GrantObjectType::Function, "function", "FUNCTION", "FUNCTIONS"},
}};

const ObjectTypeInfo& info_of(GrantObjectType type) {
    return *std::ranges::find(k_object_types, type, &ObjectTypeInfo::type);
}

bool has_objects(GrantObjectType type) { return !info_of(type).all_keyword.empty(); }

// The ACL entries of the role named $2, joined to each object of the target.
constexpr const char* k_role_acl =
    "LEFT JOIN LATERAL (SELECT e.privilege_type FROM pg_catalog.aclexplode({}) e "
    "WHERE e.grantee = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = $2)) a ON true ";

Result<void> check_privileges(const GrantSpec& grant) {
    const auto& allowed = grant_privileges(grant.object_type);
    for (const auto& privilege : grant.privileges)
        if (std::ranges::find(allowed, privilege) == allowed.end())
            return std::unexpected(attribute_error(
                "privileges", fmt::format("has \"{}\", which is not a privilege on a {}", privilege,
                                          info_of(grant.object_type).name),
                fmt::format("Use some of: {}.", fmt::join(allowed, ", "))));
    return {};
}

Result<void> check_target(const Value& attributes, const GrantSpec& grant) {
    bool schema_known = !is_unknown_attribute(attributes, "schema");
    if (grant.object_type == GrantObjectType::Database && !grant.schema.empty())
        return std::unexpected(attribute_error("schema", "must not be set for object_type \"database\""));
    if (grant.object_type != GrantObjectType::Database && grant.schema.empty() && schema_known)
        return std::unexpected(attribute_error(
            "schema", fmt::format("is needed for object_type \"{}\"", info_of(grant.object_type).name)));
    if (!has_objects(grant.object_type) && !grant.objects.empty())
        return std::unexpected(attribute_error("objects", "is only for object_type table, sequence or function"));
    return {};
}

// ON <target>: the database, the schema, the objects, or all objects of the type in the schema.
void append_target(SqlText& sql, const GrantSpec& grant) {
    const ObjectTypeInfo& info = info_of(grant.object_type);
    sql.keyword(" ON ");
    if (grant.object_type == GrantObjectType::Database) {
        sql.keyword(info.keyword).keyword(" ").identifier(grant.database);
    } else if (grant.object_type == GrantObjectType::Schema) {
        sql.keyword(info.keyword).keyword(" ").identifier(grant.schema);
    } else if (grant.objects.empty()) {
        sql.keyword("ALL ").keyword(info.all_keyword).keyword(" IN SCHEMA ").identifier(grant.schema);
    } else {
        sql.keyword(info.keyword).keyword(" ");
        for (std::size_t i = 0; i < grant.objects.size(); ++i) {
            if (i > 0) sql.keyword(", ");
            sql.qualified(grant.schema, grant.objects[i]);
        }
    }
}

}  // namespace

std::optional<GrantObjectType> grant_object_type(std::string_view name) {
    auto found = std::ranges::find(k_object_types, name, &ObjectTypeInfo::name);
    if (found == k_object_types.end()) return std::nullopt;
    return found->type;
}

const std::vector<std::string_view>& grant_privileges(GrantObjectType type) {
    static const std::map<GrantObjectType, std::vector<std::string_view>> privileges = {
        {GrantObjectType::Database, {"CONNECT", "CREATE", "TEMPORARY"}},
        {GrantObjectType::Schema, {"CREATE", "USAGE"}},
        {GrantObjectType::Table, {"DELETE", "INSERT", "REFERENCES", "SELECT", "TRIGGER", "TRUNCATE", "UPDATE"}},
        {GrantObjectType::Sequence, {"SELECT", "UPDATE", "USAGE"}},
        {GrantObjectType::Function, {"EXECUTE"}},
    };
    return privileges.at(type);
}

Result<GrantSpec> grant_spec(const Value& attributes) {
    GrantSpec grant;
    grant.role = text_of(attributes, "role");
    grant.database = text_of(attributes, "database");
    grant.schema = text_of(attributes, "schema");
    std::string type_name = text_of(attributes, "object_type");
    auto type = grant_object_type(type_name);
    if (!type && !is_unknown_attribute(attributes, "object_type"))
        return std::unexpected(attribute_error("object_type",
                                               "must be database, schema, table, sequence or function",
                                               fmt::format("Got \"{}\".", type_name)));
    grant.object_type = type.value_or(GrantObjectType::Database);
    grant.objects = string_list(attributes, "objects");
    grant.privileges = string_list(attributes, "privileges");
    if (!type) return grant;
    if (auto valid = check_target(attributes, grant); !valid) return std::unexpected(valid.error());
    if (auto valid = check_privileges(grant); !valid) return std::unexpected(valid.error());
    return grant;
}

Result<std::string> revoke_grant_sql(const pg::Quoter& quoter, const GrantSpec& grant) {
    SqlText sql(quoter);
    sql.keyword("REVOKE ALL PRIVILEGES");
    append_target(sql, grant);
    sql.keyword(" FROM ").identifier(grant.role);
    return sql.text();
}

std::optional<Result<std::string>> grant_sql(const pg::Quoter& quoter, const GrantSpec& grant) {
    if (grant.privileges.empty()) return std::nullopt;
    SqlText sql(quoter);
    sql.keyword("GRANT ");
    const auto& allowed = grant_privileges(grant.object_type);
    for (std::size_t i = 0; i < grant.privileges.size(); ++i) {
        auto privilege = std::ranges::find(allowed, grant.privileges[i]);
        if (privilege == allowed.end()) return std::unexpected(check_privileges(grant).error());
        sql.keyword(i > 0 ? ", " : "").keyword(*privilege);
    }
    append_target(sql, grant);
    sql.keyword(" TO ").identifier(grant.role);
    return sql.text();
}

std::string grant_id(const GrantSpec& grant) {
    if (grant.object_type == GrantObjectType::Database)
        return fmt::format("{}/{}/database", grant.role, grant.database);
    return fmt::format("{}/{}/{}/{}", grant.role, grant.database, grant.schema, info_of(grant.object_type).name);
}

Result<GrantSpec> parse_grant_id(const std::string& id) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t slash = id.find('/'); slash != std::string::npos; slash = id.find('/', start)) {
        parts.push_back(id.substr(start, slash - start));
        start = slash + 1;
    }
    parts.push_back(id.substr(start));
    auto invalid = [&] {
        return std::unexpected(provider_error(
            fmt::format("Invalid postgresql_grant import id \"{}\"", id),
            "Give it as <role>/<database>/database, or <role>/<database>/<schema>/<object_type> with object_type "
            "schema, table, sequence or function (every object of the type in the schema)."));
    };
    if (parts.size() != 3 && parts.size() != 4) return invalid();
    if (std::ranges::any_of(parts, [](const std::string& part) { return part.empty(); })) return invalid();
    auto type = grant_object_type(parts.back());
    if (!type || (parts.size() == 3) != (*type == GrantObjectType::Database)) return invalid();
    GrantSpec grant;
    grant.role = parts[0];
    grant.database = parts[1];
    if (parts.size() == 4) grant.schema = parts[2];
    grant.object_type = *type;
    return grant;
}

const char* grant_query(GrantObjectType type) {
    static const std::map<GrantObjectType, std::string> queries = {
        {GrantObjectType::Database, fmt::format("SELECT d.datname, a.privilege_type FROM pg_catalog.pg_database d "
                                                "{}WHERE d.datname = $1",
                                                fmt::format(fmt::runtime(k_role_acl), "d.datacl"))},
        {GrantObjectType::Schema, fmt::format("SELECT n.nspname, a.privilege_type FROM pg_catalog.pg_namespace n "
                                              "{}WHERE n.nspname = $1",
                                              fmt::format(fmt::runtime(k_role_acl), "n.nspacl"))},
        {GrantObjectType::Table,
         fmt::format("SELECT c.relname, a.privilege_type FROM pg_catalog.pg_class c "
                     "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                     "{}WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')",
                     fmt::format(fmt::runtime(k_role_acl), "c.relacl"))},
        {GrantObjectType::Sequence,
         fmt::format("SELECT c.relname, a.privilege_type FROM pg_catalog.pg_class c "
                     "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                     "{}WHERE n.nspname = $1 AND c.relkind = 'S'",
                     fmt::format(fmt::runtime(k_role_acl), "c.relacl"))},
        {GrantObjectType::Function,
         fmt::format("SELECT p.proname, a.privilege_type FROM pg_catalog.pg_proc p "
                     "JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
                     "{}WHERE n.nspname = $1 AND p.prokind = 'f'",
                     fmt::format(fmt::runtime(k_role_acl), "p.proacl"))},
    };
    return queries.at(type).c_str();
}

std::vector<std::string> privileges_on_every(const std::vector<CatalogRow>& rows, const GrantSpec& grant,
                                             const std::vector<std::string>& fallback) {
    std::map<std::string, std::set<std::string>> held;  // object -> privileges
    for (const auto& row : rows) {
        auto object = column_of(row, 0);
        if (!object) continue;
        auto& privileges = held[*object];
        if (auto privilege = column_of(row, 1)) privileges.insert(*privilege);
    }
    std::vector<std::string> targets = grant.objects;
    if (targets.empty())
        for (const auto& [object, privileges] : held) targets.push_back(object);
    if (targets.empty()) return fallback;
    std::set<std::string> common;
    bool first = true;
    for (const auto& target : targets) {
        auto found = held.find(target);
        std::set<std::string> privileges = found != held.end() ? found->second : std::set<std::string>{};
        if (first) {
            common = std::move(privileges);
            first = false;
            continue;
        }
        std::set<std::string> kept;
        std::ranges::set_intersection(common, privileges, std::inserter(kept, kept.end()));
        common = std::move(kept);
    }
    return {common.begin(), common.end()};
}

}  // namespace plinth::providers::postgresql
