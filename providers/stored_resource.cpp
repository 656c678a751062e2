#include "providers/stored_resource.h"

#include "providers/attributes.h"

namespace plinth::providers {

Result<std::optional<Value>> StoredResource::read(const Value& current) const {
    if (!is_confirmed(current)) return std::optional<Value>{};
    return std::optional<Value>{current};
}

Result<void> StoredResource::remove(const Value&) const { return {}; }

}  // namespace plinth::providers
