#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "providers/attributes.h"
#include "providers/postgresql/grant_sql.h"
#include "providers/postgresql/postgresql_types.h"

namespace plinth::providers::postgresql {

namespace {

ResourceSchema grant_schema() {
    using T = AttributeType;
    return ResourceSchema{
        "postgresql_grant",
        "The privileges a role holds on a database, a schema, or tables, sequences or functions in a schema.",
        {
            replacing(required_attribute("role", T::String, "The role the privileges are granted to.")),
            database_attribute(),
            replacing(optional_attribute("schema", T::String, "The schema (all object types but database).")),
            replacing(required_attribute("object_type", T::String,
                                         "database, schema, table, sequence or function.")),
            replacing(optional_attribute("objects", T::List,
                                         "The tables, sequences or functions; empty: all of that type in the schema.",
                                         Value(ValueList{}))),
            required_attribute("privileges", T::List, "Exactly the privileges the role holds, e.g. [SELECT]."),
            computed_attribute("id", T::String, "<role>/<database>/database or <role>/<database>/<schema>/<type>."),
        },
    };
}

// Makes the role hold exactly the grant's privileges on its target, in one transaction.
Result<void> apply_grant(pg::PgConnection& connection, const GrantSpec& grant) {
    std::string what = fmt::format("grant privileges to role \"{}\"", grant.role);
    auto step = [&](const Result<std::string>& sql) { return run_sql(connection, what, sql); };
    if (auto begun = step(std::string("BEGIN")); !begun) return begun;
    auto done = step(revoke_grant_sql(connection, grant));
    if (done)
        if (auto granted = grant_sql(connection, grant)) done = step(*granted);
    if (done) done = step(std::string("COMMIT"));
    if (!done) (void)connection.exec("roll back", "ROLLBACK");
    return done;
}

class PostgresqlGrant final : public PostgresqlResource {
public:
    explicit PostgresqlGrant(std::shared_ptr<ConnectionCache> connections)
        : PostgresqlResource(grant_schema(), std::move(connections)) {}

    Result<void> refine_plan(const Value& desired, GenericPlan& plan) const override {
        default_database(desired, plan, *m_connections);
        auto grant = grant_spec(plan.planned);
        if (!grant) return std::unexpected(grant.error());
        auto unknown = [&](const char* name) { return is_unknown_attribute(plan.planned, name); };
        bool target_known = std::ranges::none_of(std::array{"role", "database", "schema", "object_type"}, unknown);
        if (target_known) set_attribute(plan.planned, "id", grant_id(*grant));
        return {};
    }

    Result<Value> create(const Value& planned) const override { return write(planned); }

    Result<std::optional<Value>> read(const Value& current) const override {
        auto grant = grant_spec(current);
        if (!grant) return std::unexpected(grant.error());
        return read_in_database(*m_connections, grant->database,
                                [&](pg::PgConnection& connection) -> Result<std::optional<Value>> {
                                    return read_privileges(connection, *grant, current);
                                });
    }

    Result<Value> update(const Value&, const Value& planned) const override { return write(planned); }

    Result<void> remove(const Value& current) const override {
        auto grant = grant_spec(current);
        if (!grant) return std::unexpected(grant.error());
        return m_connections->run(grant->database, [&](pg::PgConnection& connection) {
            return run_sql(connection, fmt::format("revoke privileges from role \"{}\"", grant->role),
                           revoke_grant_sql(connection, *grant));
        });
    }

    Result<Value> import(const std::string& id) const override {
        auto grant = parse_grant_id(id);
        if (!grant) return std::unexpected(grant.error());
        ValueMap desired{{"role", grant->role},
                         {"database", grant->database},
                         {"object_type", std::string(id.substr(id.rfind('/') + 1))},
                         {"privileges", ValueList{}}};
        if (!grant->schema.empty()) desired.emplace("schema", grant->schema);
        return imported(std::move(desired), id,
                        fmt::format("No grant \"{}\" was found: the role, database or schema does not exist", id));
    }

private:
    Result<Value> write(const Value& planned) const {
        auto grant = grant_spec(planned);
        if (!grant) return std::unexpected(grant.error());
        auto done = m_connections->run(grant->database,
                                       [&](pg::PgConnection& connection) { return apply_grant(connection, *grant); });
        if (!done) return std::unexpected(done.error());
        Value written = planned;
        set_attribute(written, "id", grant_id(*grant));
        return written;
    }

    // The privileges the role holds on the target; null when the role or the target is gone.
    static Result<std::optional<Value>> read_privileges(pg::PgConnection& connection, const GrantSpec& grant,
                                                        const Value& current) {
        std::string what = fmt::format("read the privileges of role \"{}\"", grant.role);
        auto role = query_rows(connection, what, k_role_exists_query, {grant.role}, 1);
        if (!role) return std::unexpected(role.error());
        if (role->empty()) return std::nullopt;
        const std::string& scope = grant.object_type == GrantObjectType::Database ? grant.database : grant.schema;
        auto rows = query_rows(connection, what, grant_query(grant.object_type), {scope, grant.role}, 2);
        if (!rows) return std::unexpected(rows.error());
        bool single_target = grant.object_type == GrantObjectType::Database ||
                             grant.object_type == GrantObjectType::Schema;
        if (single_target && rows->empty()) return std::nullopt;
        Value refreshed = current;
        set_attribute(refreshed, "privileges",
                      names_in_configured_order(privileges_on_every(*rows, grant, grant.privileges),
                                                current.find("privileges")));
        return refreshed;
    }

};

}  // namespace

std::unique_ptr<ResourceType> make_postgresql_grant(std::shared_ptr<ConnectionCache> connections) {
    return std::make_unique<PostgresqlGrant>(std::move(connections));
}

}  // namespace plinth::providers::postgresql
