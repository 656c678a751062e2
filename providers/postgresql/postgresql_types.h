// providers/postgresql/postgresql_types.h: the postgresql provider's resource types (one file
// each), all working through the provider's ConnectionCache, and what they share.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "providers/postgresql/connection_cache.h"
#include "providers/resource_type.h"

namespace plinth::providers::postgresql {

std::unique_ptr<ResourceType> make_postgresql_role(std::shared_ptr<ConnectionCache> connections);
std::unique_ptr<ResourceType> make_postgresql_database(std::shared_ptr<ConnectionCache> connections);
std::unique_ptr<ResourceType> make_postgresql_schema(std::shared_ptr<ConnectionCache> connections);
std::unique_ptr<ResourceType> make_postgresql_grant(std::shared_ptr<ConnectionCache> connections);
std::unique_ptr<ResourceType> make_postgresql_extension(std::shared_ptr<ConnectionCache> connections);

// The string attribute `name`; empty when absent.
std::string text_of(const Value& attributes, std::string_view name);
// The string attribute `name`; nullopt when absent.
std::optional<std::string> optional_text(const Value& attributes, std::string_view name);

// What every resource type of the provider holds: its schema and the provider's connections.
class PostgresqlResource : public ResourceType {
public:
    PostgresqlResource(ResourceSchema schema, std::shared_ptr<ConnectionCache> connections)
        : m_schema(std::move(schema)), m_connections(std::move(connections)) {}

    const ResourceSchema& schema() const override { return m_schema; }

protected:
    // The import of a role or a database (`kind`) by its name, read back.
    Result<Value> import_named(const std::string& id, std::string_view kind) const;
    // The import of a schema or an extension (`kind`) by "<database>.<name>", read back.
    Result<Value> import_scoped(const std::string& id, std::string_view kind) const;

    // The object the stack would have with `identity` (the attributes an import id names), read
    // back and recorded under `id`; a not-found error with `not_found` when it does not exist.
    Result<Value> imported(ValueMap identity, const std::string& id, std::string not_found) const;

    ResourceSchema m_schema;
    std::shared_ptr<ConnectionCache> m_connections;  // shared by all the provider's types
};

// An attribute the stack may set and the server fills in when it does not (an owner, an encoding).
AttributeSchema optional_computed(std::string name, AttributeType type, std::string description);

// The `database` attribute of a database-scoped object (schema, grant, extension): given, else
// the provider's database. A change replaces the object.
AttributeSchema database_attribute();
// The plan of a role or a database: a connection_limit of -1 or more, the id its name.
Result<void> plan_cluster_object(GenericPlan& plan);

// Fills in `database` when the stack (`desired`) leaves it out, so the plan shows where the
// object goes.
void default_database(const Value& desired, GenericPlan& plan, const ConnectionCache& connections);
// default_database, and the scoped id once database and name are known.
void plan_in_database(const Value& desired, GenericPlan& plan, const ConnectionCache& connections);

// Reads an object back on `database`'s connection; null when it is gone.
using CatalogRead = std::function<Result<std::optional<Value>>(pg::PgConnection& connection)>;
Result<std::optional<Value>> read_on(ConnectionCache& connections, const std::string& database,
                                     const CatalogRead& read);

// read_on for an object inside `database`: null, without connecting to it, when the database
// itself is gone.
Result<std::optional<Value>> read_in_database(ConnectionCache& connections, const std::string& database,
                                              const CatalogRead& read);

// Drops the schema or extension `current` (its `name`, `drop_cascade`) in its database, with the
// statement `drop` builds; `kind` names it in errors.
using DropSql = Result<std::string> (*)(const pg::Quoter& quoter, const std::string& name, bool cascade);
Result<void> drop_scoped(ConnectionCache& connections, const Value& current, std::string_view kind, DropSql drop);


// "<database>.<name>": the id of a schema or an extension, and its import id.
std::string scoped_id(const std::string& database, const std::string& name);

}  // namespace plinth::providers::postgresql
