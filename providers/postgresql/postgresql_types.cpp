#include "providers/postgresql/postgresql_types.h"

#include <fmt/format.h>

#include "providers/attributes.h"
#include "providers/postgresql/catalog_rows.h"
#include "providers/postgresql/object_sql.h"
#include "providers/postgresql/sql_text.h"

namespace plinth::providers::postgresql {

std::string text_of(const Value& attributes, std::string_view name) {
    const std::string* text = string_attribute(attributes, name);
    return text != nullptr ? *text : std::string();
}

std::optional<std::string> optional_text(const Value& attributes, std::string_view name) {
    const std::string* text = string_attribute(attributes, name);
    return text != nullptr ? std::optional<std::string>(*text) : std::nullopt;
}

AttributeSchema optional_computed(std::string name, AttributeType type, std::string description) {
    AttributeSchema attribute = optional_attribute(std::move(name), type, std::move(description));
    attribute.computed = true;
    return attribute;
}

AttributeSchema database_attribute() {
    return replacing(optional_computed("database", AttributeType::String,
                                       "The database it lives in; default: the provider's database."));
}

Result<void> plan_cluster_object(GenericPlan& plan) {
    if (auto limit = integer_attribute(plan.planned, "connection_limit"); limit && *limit < -1)
        return std::unexpected(attribute_error("connection_limit", "must be -1 (no limit) or more"));
    if (const std::string* name = string_attribute(plan.planned, "name")) set_attribute(plan.planned, "id", *name);
    return {};
}

void default_database(const Value& desired, GenericPlan& plan, const ConnectionCache& connections) {
    const Value* given = desired.find("database");
    if (given == nullptr || given->is_null()) set_attribute(plan.planned, "database", connections.default_database());
}

void plan_in_database(const Value& desired, GenericPlan& plan, const ConnectionCache& connections) {
    default_database(desired, plan, connections);
    const std::string* database = string_attribute(plan.planned, "database");
    const std::string* name = string_attribute(plan.planned, "name");
    if (database != nullptr && name != nullptr) set_attribute(plan.planned, "id", scoped_id(*database, *name));
}

Result<std::optional<Value>> read_on(ConnectionCache& connections, const std::string& database,
                                     const CatalogRead& read) {
    std::optional<Value> found;
    auto done = connections.run(database, [&](pg::PgConnection& connection) -> Result<void> {
        auto object = read(connection);
        if (!object) return std::unexpected(object.error());
        found = std::move(*object);
        return {};
    });
    if (!done) return std::unexpected(done.error());
    return found;
}

Result<std::optional<Value>> read_in_database(ConnectionCache& connections, const std::string& database,
                                              const CatalogRead& read) {
    bool exists = false;
    auto asked = connections.run(connections.default_database(), [&](pg::PgConnection& connection) -> Result<void> {
        auto rows = query_rows(connection, fmt::format("find database \"{}\"", database), k_database_exists_query,
                               {database}, 1);
        if (!rows) return std::unexpected(rows.error());
        exists = !rows->empty();
        return {};
    });
    if (!asked) return std::unexpected(asked.error());
    if (!exists) return std::optional<Value>{};
    return read_on(connections, database, read);
}

Result<void> drop_scoped(ConnectionCache& connections, const Value& current, std::string_view kind, DropSql drop) {
    std::string name = text_of(current, "name");
    return connections.run(text_of(current, "database"), [&](pg::PgConnection& connection) {
        return run_sql(connection, fmt::format("drop {} \"{}\"", kind, name),
                       drop(connection, name, bool_attribute(current, "drop_cascade", false)));
    });
}

std::string scoped_id(const std::string& database, const std::string& name) {
    return fmt::format("{}.{}", database, name);
}

Result<Value> PostgresqlResource::imported(ValueMap identity, const std::string& id, std::string not_found) const {
    Value start = plan_from_schema(m_schema, nullptr, Value(std::move(identity))).planned;
    set_attribute(start, "id", id);
    auto found = read(start);
    if (!found) return std::unexpected(found.error());
    if (!*found) return std::unexpected(ProviderError{ProviderError::Kind::NotFound, std::move(not_found), {}, {}});
    return std::move(**found);
}

Result<Value> PostgresqlResource::import_named(const std::string& id, std::string_view kind) const {
    return imported(ValueMap{{"name", id}}, id, fmt::format("There is no {} \"{}\"", kind, id));
}

Result<Value> PostgresqlResource::import_scoped(const std::string& id, std::string_view kind) const {
    auto dot = id.find('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == id.size())
        return std::unexpected(provider_error(fmt::format("Invalid {} import id \"{}\"", m_schema.type, id),
                                              "Give it as <database>.<name>, e.g. app.reporting."));
    std::string database = id.substr(0, dot);
    std::string name = id.substr(dot + 1);
    return imported(ValueMap{{"database", database}, {"name", name}}, id,
                    fmt::format("There is no {} \"{}\" in database \"{}\"", kind, name, database));
}

}  // namespace plinth::providers::postgresql
