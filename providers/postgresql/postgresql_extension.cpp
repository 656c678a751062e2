#include <fmt/format.h>

#include "providers/attributes.h"
#include "providers/postgresql/catalog_rows.h"
#include "providers/postgresql/object_sql.h"
#include "providers/postgresql/postgresql_types.h"

namespace plinth::providers::postgresql {

namespace {

ResourceSchema extension_schema() {
    using T = AttributeType;
    return ResourceSchema{
        "postgresql_extension",
        "An extension installed in a PostgreSQL database.",
        {
            replacing(required_attribute("name", T::String, "The extension, e.g. pgcrypto.")),
            database_attribute(),
            optional_computed("schema", T::String, "The schema its objects go in; a change moves them."),
            optional_computed("version", T::String, "Its version; a change updates it. Default: the default one."),
            optional_attribute("drop_cascade", T::Bool, "On destroy, also drop the objects that use it.",
                               Value(false)),
            computed_attribute("id", T::String, "<database>.<name>."),
        },
    };
}

ExtensionSpec extension_spec(const Value& attributes) {
    return ExtensionSpec{text_of(attributes, "name"), optional_text(attributes, "schema"),
                         optional_text(attributes, "version")};
}

class PostgresqlExtension final : public PostgresqlResource {
public:
    explicit PostgresqlExtension(std::shared_ptr<ConnectionCache> connections)
        : PostgresqlResource(extension_schema(), std::move(connections)) {}

    Result<void> refine_plan(const Value& desired, GenericPlan& plan) const override {
        plan_in_database(desired, plan, *m_connections);
        return {};
    }

    Result<Value> create(const Value& planned) const override {
        std::string database = text_of(planned, "database");
        ExtensionSpec extension = extension_spec(planned);
        auto done = m_connections->run(database, [&](pg::PgConnection& connection) {
            return run_sql(connection, fmt::format("create extension \"{}\"", extension.name),
                           create_extension_sql(connection, extension));
        });
        if (!done) return std::unexpected(done.error());
        Value created = planned;
        set_attribute(created, "id", scoped_id(database, extension.name));
        auto found = read(created);  // the schema and version the server chose
        if (!found) return std::unexpected(found.error());
        return found->value_or(created);
    }

    Result<std::optional<Value>> read(const Value& current) const override {
        std::string name = text_of(current, "name");
        return read_in_database(*m_connections, text_of(current, "database"),
                                [&](pg::PgConnection& connection) -> Result<std::optional<Value>> {
                                    auto rows = query_rows(connection, fmt::format("read extension \"{}\"", name),
                                                           k_extension_query, {name}, 2);
                                    if (!rows) return std::unexpected(rows.error());
                                    if (rows->empty()) return std::nullopt;
                                    Value refreshed = current;
                                    if (auto schema = column_of(rows->front(), 0))
                                        set_attribute(refreshed, "schema", *schema);
                                    if (auto version = column_of(rows->front(), 1))
                                        set_attribute(refreshed, "version", *version);
                                    return refreshed;
                                });
    }

    Result<Value> update(const Value& prior, const Value& planned) const override {
        ExtensionSpec before = extension_spec(prior);
        ExtensionSpec after = extension_spec(planned);
        auto done = m_connections->run(text_of(planned, "database"), [&](pg::PgConnection& connection) -> Result<void> {
            std::string what = fmt::format("alter extension \"{}\"", after.name);
            if (after.version && after.version != before.version)
                if (auto updated = run_sql(connection, what, extension_version_sql(connection, after.name,
                                                                                   *after.version));
                    !updated)
                    return updated;
            if (after.schema && after.schema != before.schema)
                return run_sql(connection, what, extension_schema_sql(connection, after.name, *after.schema));
            return {};
        });
        if (!done) return std::unexpected(done.error());
        return planned;
    }

    Result<void> remove(const Value& current) const override {
        return drop_scoped(*m_connections, current, "extension", drop_extension_sql);
    }

    Result<Value> import(const std::string& id) const override { return import_scoped(id, "extension"); }
};

}  // namespace

std::unique_ptr<ResourceType> make_postgresql_extension(std::shared_ptr<ConnectionCache> connections) {
    return std::make_unique<PostgresqlExtension>(std::move(connections));
}

}  // namespace plinth::providers::postgresql
