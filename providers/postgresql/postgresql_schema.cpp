#include <fmt/format.h>

#include "providers/attributes.h"
#include "providers/postgresql/catalog_rows.h"
#include "providers/postgresql/object_sql.h"
#include "providers/postgresql/postgresql_types.h"

namespace plinth::providers::postgresql {

namespace {

ResourceSchema schema_schema() {
    using T = AttributeType;
    return ResourceSchema{
        "postgresql_schema",
        "A schema in a PostgreSQL database.",
        {
            required_attribute("name", T::String, "The schema's name; a change renames it."),
            database_attribute(),
            optional_computed("owner", T::String, "The role owning it; default: the user plinth connects as."),
            optional_attribute("if_not_exists", T::Bool, "Adopt a schema of that name that exists already.",
                               Value(true)),
            optional_attribute("drop_cascade", T::Bool, "On destroy, also drop the objects in it.", Value(false)),
            computed_attribute("id", T::String, "<database>.<name>."),
        },
    };
}

class PostgresqlSchema final : public PostgresqlResource {
public:
    explicit PostgresqlSchema(std::shared_ptr<ConnectionCache> connections)
        : PostgresqlResource(schema_schema(), std::move(connections)) {}

    Result<void> refine_plan(const Value& desired, GenericPlan& plan) const override {
        plan_in_database(desired, plan, *m_connections);
        return {};
    }

    Result<Value> create(const Value& planned) const override {
        std::string database = text_of(planned, "database");
        std::string name = text_of(planned, "name");
        auto done = m_connections->run(database, [&](pg::PgConnection& connection) {
            return run_sql(connection, fmt::format("create schema \"{}\"", name),
                           create_schema_sql(connection, name, optional_text(planned, "owner"),
                                             bool_attribute(planned, "if_not_exists", true)));
        });
        if (!done) return std::unexpected(done.error());
        Value created = planned;
        set_attribute(created, "id", scoped_id(database, name));
        auto found = read(created);  // the owner, when the stack left it to the server
        if (!found) return std::unexpected(found.error());
        return found->value_or(created);
    }

    Result<std::optional<Value>> read(const Value& current) const override {
        std::string database = text_of(current, "database");
        std::string name = text_of(current, "name");
        return read_in_database(*m_connections, database,
                                [&](pg::PgConnection& connection) -> Result<std::optional<Value>> {
                                    auto rows = query_rows(connection, fmt::format("read schema \"{}\"", name),
                                                           k_schema_query, {name}, 1);
                                    if (!rows) return std::unexpected(rows.error());
                                    if (rows->empty()) return std::nullopt;
                                    Value refreshed = current;
                                    if (auto owner = column_of(rows->front(), 0))
                                        set_attribute(refreshed, "owner", *owner);
                                    return refreshed;
                                });
    }

    Result<Value> update(const Value& prior, const Value& planned) const override {
        std::string database = text_of(planned, "database");
        std::string before = text_of(prior, "name");
        std::string after = text_of(planned, "name");
        const std::string* owner = string_attribute(planned, "owner");
        const std::string* prior_owner = string_attribute(prior, "owner");
        auto done = m_connections->run(database, [&](pg::PgConnection& connection) -> Result<void> {
            std::string what = fmt::format("alter schema \"{}\"", after);
            if (before != after)
                if (auto renamed = run_sql(connection, what, rename_schema_sql(connection, before, after)); !renamed)
                    return renamed;
            if (owner != nullptr && (prior_owner == nullptr || *owner != *prior_owner))
                return run_sql(connection, what, schema_owner_sql(connection, after, *owner));
            return {};
        });
        if (!done) return std::unexpected(done.error());
        Value updated = planned;
        set_attribute(updated, "id", scoped_id(database, after));
        return updated;
    }

    Result<void> remove(const Value& current) const override {
        return drop_scoped(*m_connections, current, "schema", drop_schema_sql);
    }

    Result<Value> import(const std::string& id) const override { return import_scoped(id, "schema"); }
};

}  // namespace

std::unique_ptr<ResourceType> make_postgresql_schema(std::shared_ptr<ConnectionCache> connections) {
    return std::make_unique<PostgresqlSchema>(std::move(connections));
}

}  // namespace plinth::providers::postgresql
