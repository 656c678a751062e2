// providers/random/random_types.h: the random provider's resource types (one file each) and what
// they share.
#pragma once

#include <memory>

#include "providers/resource_type.h"

namespace plinth::providers::random {

std::unique_ptr<ResourceType> make_random_id();
std::unique_ptr<ResourceType> make_random_string();    // random_string
std::unique_ptr<ResourceType> make_random_password();  // random_password: the same, result sensitive
std::unique_ptr<ResourceType> make_random_integer();
std::unique_ptr<ResourceType> make_random_uuid();

// `keepers`: arbitrary values whose change makes a new random value.
AttributeSchema keepers_attribute();

}  // namespace plinth::providers::random
