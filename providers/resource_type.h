// providers/resource_type.h: one resource or data-source type of a built-in provider: its schema
// and the verbs for it. A TypedProvider (typed_provider.h) dispatches to these by type name, so
// each type lives in its own file. Implementations are stateless (const), hence thread-safe.
#pragma once

#include <optional>
#include <string>

#include "providers/provider.h"
#include "providers/schema.h"

namespace plinth::providers {

class ResourceType {
public:
    virtual ~ResourceType() = default;

    virtual const ResourceSchema& schema() const = 0;
    // The type's own rules on top of plan_from_schema: checks of configured values and computed
    // attributes that are already known at plan time. `desired` is the configured properties.
    virtual Result<void> refine_plan(const Value& desired, GenericPlan& plan) const;
    virtual Result<Value> create(const Value& planned) const = 0;
    // Null when the object is gone.
    virtual Result<std::optional<Value>> read(const Value& current) const = 0;
    // By default the planned value is recorded as is: for types with nothing outside plinth to change.
    virtual Result<Value> update(const Value& prior, const Value& planned) const;
    virtual Result<void> remove(const Value& current) const = 0;
    // By default import is not supported.
    virtual Result<Value> import(const std::string& id) const;
};

class DataSourceType {
public:
    virtual ~DataSourceType() = default;

    virtual const ResourceSchema& schema() const = 0;
    virtual Result<Value> read(const Value& config) const = 0;
};

}  // namespace plinth::providers
