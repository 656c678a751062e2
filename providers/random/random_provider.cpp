#include "providers/random/random_provider.h"

#include "providers/attributes.h"
#include "providers/random/random_types.h"
#include "providers/typed_provider.h"

namespace plinth::providers {

namespace random {

AttributeSchema keepers_attribute() {
    return replacing(optional_attribute("keepers", AttributeType::Map,
                                        "Arbitrary values; changing any of them makes a new random value."));
}

}  // namespace random

std::unique_ptr<Provider> make_random_provider() {
    std::vector<std::unique_ptr<ResourceType>> resources;
    resources.push_back(random::make_random_id());
    resources.push_back(random::make_random_string());
    resources.push_back(random::make_random_password());
    resources.push_back(random::make_random_integer());
    resources.push_back(random::make_random_uuid());
    return std::make_unique<TypedProvider>("random", std::move(resources));
}

}  // namespace plinth::providers
