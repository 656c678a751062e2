#include "providers/resource_type.h"

#include <fmt/format.h>

namespace plinth::providers {

Result<void> ResourceType::refine_plan(const Value&, GenericPlan&) const { return {}; }

Result<Value> ResourceType::update(const Value&, const Value& planned) const { return planned; }

Result<Value> ResourceType::import(const std::string& id) const {
    return std::unexpected(provider_error(fmt::format("{} does not support import", schema().type),
                                          fmt::format("Cannot adopt an existing object with id \"{}\".", id)));
}

}  // namespace plinth::providers
