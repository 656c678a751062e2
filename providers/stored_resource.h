// providers/stored_resource.h: the base of resource types whose object exists only in state
// (random values, null_resource, time_sleep): nothing outside plinth can change or delete it.
#pragma once

#include "providers/resource_type.h"

namespace plinth::providers {

class StoredResource : public ResourceType {
public:
    // The object as recorded; gone when its create was never confirmed (an attribute unknown or
    // `id` unset, as a crash between plan and the provider's answer leaves it).
    Result<std::optional<Value>> read(const Value& current) const override;
    // Nothing to delete outside state.
    Result<void> remove(const Value& current) const override;
};

}  // namespace plinth::providers
