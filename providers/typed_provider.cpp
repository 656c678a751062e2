#include "providers/typed_provider.h"

#include <fmt/format.h>

#include "core/version.h"

namespace plinth::providers {

TypedProvider::TypedProvider(std::string name, std::vector<std::unique_ptr<ResourceType>> resources,
                             std::vector<std::unique_ptr<DataSourceType>> data_sources,
                             std::vector<AttributeSchema> settings)
    : m_resources(std::move(resources)), m_data_sources(std::move(data_sources)) {
    m_schema.name = std::move(name);
    m_schema.version = k_version;  // built-in providers ship with plinth
    m_schema.config = std::move(settings);
    for (const auto& type : m_resources) m_schema.resources.push_back(type->schema());
    for (const auto& type : m_data_sources) m_schema.data_sources.push_back(type->schema());
}

Result<void> TypedProvider::configure(const Value& config) {
    ResourceSchema settings{"provider \"" + m_schema.name + "\"", {}, m_schema.config};
    return check_properties(settings, config);
}

Result<const ResourceType*> TypedProvider::resource(const std::string& type) const {
    for (const auto& candidate : m_resources)
        if (candidate->schema().type == type) return candidate.get();
    return std::unexpected(provider_error(fmt::format("Unsupported resource type \"{}\"", type),
                                          fmt::format("Provider \"{}\" has no resource type of that name.",
                                                      m_schema.name)));
}

Result<PlanResult> TypedProvider::plan(const std::string& type, const Value* prior, const Value& desired) {
    auto found = resource(type);
    if (!found) return std::unexpected(found.error());
    const ResourceType& resource_type = **found;
    if (auto valid = check_properties(resource_type.schema(), desired); !valid) return std::unexpected(valid.error());
    GenericPlan plan = plan_from_schema(resource_type.schema(), prior, desired);
    if (auto refined = resource_type.refine_plan(desired, plan); !refined) return std::unexpected(refined.error());
    return PlanResult{std::move(plan.planned), std::move(plan.requires_replace)};
}

Result<Value> TypedProvider::create(const std::string& type, const Value& planned) {
    auto found = resource(type);
    if (!found) return std::unexpected(found.error());
    auto created = (*found)->create(planned);
    if (!created) return created;
    return mark_sensitive_attributes((*found)->schema(), std::move(*created));
}

Result<std::optional<Value>> TypedProvider::read(const std::string& type, const Value& current) {
    auto found = resource(type);
    if (!found) return std::unexpected(found.error());
    auto refreshed = (*found)->read(current);
    if (!refreshed || !*refreshed) return refreshed;
    return mark_sensitive_attributes((*found)->schema(), std::move(**refreshed));
}

Result<Value> TypedProvider::update(const std::string& type, const Value& prior, const Value& planned) {
    auto found = resource(type);
    if (!found) return std::unexpected(found.error());
    auto updated = (*found)->update(prior, planned);
    if (!updated) return updated;
    return mark_sensitive_attributes((*found)->schema(), std::move(*updated));
}

Result<void> TypedProvider::remove(const std::string& type, const Value& current) {
    auto found = resource(type);
    if (!found) return std::unexpected(found.error());
    return (*found)->remove(current);
}

Result<Value> TypedProvider::import(const std::string& type, const std::string& id) {
    auto found = resource(type);
    if (!found) return std::unexpected(found.error());
    auto imported = (*found)->import(id);
    if (!imported) return imported;
    return mark_sensitive_attributes((*found)->schema(), std::move(*imported));
}

Result<Value> TypedProvider::read_data(const std::string& type, const Value& config) {
    for (const auto& candidate : m_data_sources) {
        if (candidate->schema().type != type) continue;
        if (auto valid = check_properties(candidate->schema(), config); !valid) return std::unexpected(valid.error());
        auto result = candidate->read(config);
        if (!result) return result;
        return mark_sensitive_attributes(candidate->schema(), std::move(*result));
    }
    return Provider::read_data(type, config);
}

}  // namespace plinth::providers
