#include <algorithm>

#include <fmt/format.h>

#include "providers/attributes.h"
#include "providers/postgresql/postgresql_types.h"
#include "providers/postgresql/role_sql.h"

namespace plinth::providers::postgresql {

namespace {

ResourceSchema role_schema() {
    using T = AttributeType;
    return ResourceSchema{
        "postgresql_role",
        "A PostgreSQL role (a user when it may log in).",
        {
            required_attribute("name", T::String, "The role's name; a change renames it."),
            optional_attribute("login", T::Bool, "May log in.", Value(false)),
            secret(optional_attribute("password", T::String, "Its password; null: none.")),
            optional_attribute("superuser", T::Bool, "Is a superuser.", Value(false)),
            optional_attribute("createdb", T::Bool, "May create databases.", Value(false)),
            optional_attribute("inherit", T::Bool, "Inherits the privileges of the roles it is a member of.",
                               Value(true)),
            optional_attribute("connection_limit", T::Number, "Concurrent connections it may make; -1: no limit.",
                               Value(-1)),
            optional_attribute("roles", T::List, "The roles it is a member of.", Value(ValueList{})),
            computed_attribute("id", T::String, "The role's name."),
        },
    };
}

// Grants the memberships `planned` has that `prior` has not, and revokes the others.
Result<void> update_memberships(pg::PgConnection& connection, const RoleSpec& prior, const RoleSpec& planned) {
    auto missing_from = [](const std::vector<std::string>& names, const std::vector<std::string>& in) {
        std::vector<std::string> missing;
        for (const auto& name : names)
            if (std::ranges::find(in, name) == in.end()) missing.push_back(name);
        return missing;
    };
    auto added = missing_from(planned.roles, prior.roles);
    auto removed = missing_from(prior.roles, planned.roles);
    std::string what = fmt::format("change the memberships of role \"{}\"", planned.name);
    if (!added.empty())
        if (auto done = run_sql(connection, what, role_membership_sql(connection, true, added, planned.name));
            !done)
            return done;
    if (!removed.empty())
        return run_sql(connection, what, role_membership_sql(connection, false, removed, planned.name));
    return {};
}

class PostgresqlRole final : public PostgresqlResource {
public:
    explicit PostgresqlRole(std::shared_ptr<ConnectionCache> connections)
        : PostgresqlResource(role_schema(), std::move(connections)) {}

    Result<void> refine_plan(const Value&, GenericPlan& plan) const override { return plan_cluster_object(plan); }

    Result<Value> create(const Value& planned) const override {
        RoleSpec role = role_spec(planned);
        auto done = m_connections->run(m_connections->default_database(), [&](pg::PgConnection& connection) {
            return run_sql(connection, fmt::format("create role \"{}\"", role.name),
                                 create_role_sql(connection, role));
        });
        if (!done) return std::unexpected(without_secret(done.error(), role.password));
        Value created = planned;
        set_attribute(created, "id", role.name);
        return created;
    }

    Result<std::optional<Value>> read(const Value& current) const override {
        const std::string* name = string_attribute(current, "id");
        if (name == nullptr) return std::optional<Value>{};
        return read_on(*m_connections, m_connections->default_database(),
                       [&](pg::PgConnection& connection) -> Result<std::optional<Value>> {
                           std::string what = fmt::format("read role \"{}\"", *name);
                           auto rows = query_rows(connection, what, k_role_query, {*name}, 5);
                           if (!rows) return std::unexpected(rows.error());
                           if (rows->empty()) return std::nullopt;
                           auto members = query_rows(connection, what, k_role_membership_query, {*name}, 1);
                           if (!members) return std::unexpected(members.error());
                           Value refreshed = role_attributes(current, rows->front(), first_column(*members));
                           set_attribute(refreshed, "name", *name);
                           return refreshed;
                       });
    }

    Result<Value> update(const Value& prior, const Value& planned) const override {
        RoleSpec before = role_spec(prior);
        RoleSpec after = role_spec(planned);
        auto done = m_connections->run(m_connections->default_database(), [&](pg::PgConnection& connection) {
            if (before.name != after.name)
                if (auto renamed = run_sql(connection, fmt::format("rename role \"{}\"", before.name),
                                                 rename_role_sql(connection, before.name, after.name));
                    !renamed)
                    return renamed;
            if (auto altered = alter_role_sql(connection, before, after))
                if (auto done = run_sql(connection, fmt::format("alter role \"{}\"", after.name), *altered);
                    !done)
                    return done;
            return update_memberships(connection, before, after);
        });
        if (!done) return std::unexpected(without_secret(done.error(), after.password));
        Value updated = planned;
        set_attribute(updated, "id", after.name);
        return updated;
    }

    Result<void> remove(const Value& current) const override {
        const std::string* name = string_attribute(current, "id");
        if (name == nullptr) return {};
        return m_connections->run(m_connections->default_database(), [&](pg::PgConnection& connection) {
            return run_sql(connection, fmt::format("drop role \"{}\"", *name), drop_role_sql(connection, *name));
        });
    }

    Result<Value> import(const std::string& id) const override { return import_named(id, "role"); }
};

}  // namespace

std::unique_ptr<ResourceType> make_postgresql_role(std::shared_ptr<ConnectionCache> connections) {
    return std::make_unique<PostgresqlRole>(std::move(connections));
}

}  // namespace plinth::providers::postgresql
