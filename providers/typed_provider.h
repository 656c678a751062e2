// providers/typed_provider.h: a Provider made of ResourceType and DataSourceType objects, one per
// type. It owns what every built-in provider does alike: the schema, configure() against the
// provider settings, plan() as plan_from_schema plus the type's rules, dispatch of the verbs by
// type, and sensitive marks on what the verbs return.
#pragma once

#include <memory>
#include <vector>

#include "providers/provider.h"
#include "providers/resource_type.h"

namespace plinth::providers {

class TypedProvider : public Provider {
public:
    // `settings` is the schema of the provider's own configuration (the `providers:` block).
    TypedProvider(std::string name, std::vector<std::unique_ptr<ResourceType>> resources,
                  std::vector<std::unique_ptr<DataSourceType>> data_sources = {},
                  std::vector<AttributeSchema> settings = {});

    const ProviderSchema& schema() const override { return m_schema; }
    // Checks the settings against the settings schema. A provider with settings overrides this,
    // calls it first, then keeps what it needs.
    Result<void> configure(const Value& config) override;
    Result<PlanResult> plan(const std::string& type, const Value* prior, const Value& desired) override;
    Result<Value> create(const std::string& type, const Value& planned) override;
    Result<std::optional<Value>> read(const std::string& type, const Value& current) override;
    Result<Value> update(const std::string& type, const Value& prior, const Value& planned) override;
    Result<void> remove(const std::string& type, const Value& current) override;
    Result<Value> import(const std::string& type, const std::string& id) override;
    Result<Value> read_data(const std::string& type, const Value& config) override;

private:
    Result<const ResourceType*> resource(const std::string& type) const;

    ProviderSchema m_schema;  // built once from the types; never changes
    std::vector<std::unique_ptr<ResourceType>> m_resources;
    std::vector<std::unique_ptr<DataSourceType>> m_data_sources;
};

}  // namespace plinth::providers
