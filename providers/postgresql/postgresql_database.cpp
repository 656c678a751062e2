#include <fmt/format.h>

#include "providers/attributes.h"
#include "providers/postgresql/database_sql.h"
#include "providers/postgresql/postgresql_types.h"

namespace plinth::providers::postgresql {

namespace {

ResourceSchema database_schema() {
    using T = AttributeType;
    return ResourceSchema{
        "postgresql_database",
        "A PostgreSQL database.",
        {
            required_attribute("name", T::String, "The database's name; a change renames it."),
            optional_computed("owner", T::String, "The role owning it; default: the user plinth connects as."),
            replacing(optional_computed("encoding", T::String, "Its character set, e.g. UTF8; default: the "
                                                               "template's.")),
            replacing(optional_computed("lc_collate", T::String, "Its collation, e.g. C; default: the template's.")),
            // Not read back (the catalogs do not record it), so a change does not replace the database.
            optional_attribute("template", T::String, "The database it is copied from, when it is created.",
                               Value("template0")),
            optional_attribute("connection_limit", T::Number, "Concurrent connections; -1: no limit.", Value(-1)),
            computed_attribute("id", T::String, "The database's name."),
        },
    };
}

class PostgresqlDatabase final : public PostgresqlResource {
public:
    explicit PostgresqlDatabase(std::shared_ptr<ConnectionCache> connections)
        : PostgresqlResource(database_schema(), std::move(connections)) {}

    Result<void> refine_plan(const Value&, GenericPlan& plan) const override { return plan_cluster_object(plan); }

    Result<Value> create(const Value& planned) const override {
        DatabaseSpec database = database_spec(planned);
        auto done = on_own_database([&](pg::PgConnection& connection) {
            return run_sql(connection, fmt::format("create database \"{}\"", database.name),
                           create_database_sql(connection, database));
        });
        if (!done) return std::unexpected(done.error());
        Value created = planned;
        set_attribute(created, "id", database.name);
        auto found = read(created);  // the owner, encoding and collation the server chose
        if (!found) return std::unexpected(found.error());
        return found->value_or(created);
    }

    Result<std::optional<Value>> read(const Value& current) const override {
        const std::string* name = string_attribute(current, "id");
        if (name == nullptr) return std::optional<Value>{};
        return read_on(*m_connections, m_connections->default_database(),
                       [&](pg::PgConnection& connection) -> Result<std::optional<Value>> {
                           auto rows = query_rows(connection, fmt::format("read database \"{}\"", *name),
                                                  k_database_query, {*name}, 4);
                           if (!rows) return std::unexpected(rows.error());
                           if (rows->empty()) return std::nullopt;
                           Value refreshed = database_attributes(current, rows->front());
                           set_attribute(refreshed, "name", *name);
                           return refreshed;
                       });
    }

    Result<Value> update(const Value& prior, const Value& planned) const override {
        DatabaseSpec before = database_spec(prior);
        DatabaseSpec after = database_spec(planned);
        // A database with sessions on it cannot be renamed: close plinth's own first.
        if (before.name != after.name) m_connections->forget(before.name);
        auto done = on_own_database([&](pg::PgConnection& connection) -> Result<void> {
            std::string what = fmt::format("alter database \"{}\"", after.name);
            if (before.name != after.name)
                if (auto renamed = run_sql(connection, what, rename_database_sql(connection, before.name, after.name));
                    !renamed)
                    return renamed;
            if (after.owner && after.owner != before.owner)
                if (auto owned = run_sql(connection, what, database_owner_sql(connection, after.name, *after.owner));
                    !owned)
                    return owned;
            if (after.connection_limit != before.connection_limit)
                return run_sql(connection, what,
                               database_connection_limit_sql(connection, after.name, after.connection_limit));
            return {};
        });
        if (!done) return std::unexpected(done.error());
        Value updated = planned;
        set_attribute(updated, "id", after.name);
        return updated;
    }

    Result<void> remove(const Value& current) const override {
        const std::string* name = string_attribute(current, "id");
        if (name == nullptr) return {};
        m_connections->forget(*name);
        return on_own_database([&](pg::PgConnection& connection) {
            return run_sql(connection, fmt::format("drop database \"{}\"", *name),
                           drop_database_sql(connection, *name));
        });
    }

    Result<Value> import(const std::string& id) const override { return import_named(id, "database"); }

private:
    Result<void> on_own_database(const ConnectionWork& work) const {
        return m_connections->run(m_connections->default_database(), work);
    }

};

}  // namespace

std::unique_ptr<ResourceType> make_postgresql_database(std::shared_ptr<ConnectionCache> connections) {
    return std::make_unique<PostgresqlDatabase>(std::move(connections));
}

}  // namespace plinth::providers::postgresql
