// providers/random/random_provider.h: the "random" provider, as Terraform's: random_id,
// random_string, random_password, random_integer and random_uuid. Values come from OpenSSL's
// CSPRNG, are made once at create and kept in state; every settable attribute (keepers included)
// forces a new value when it changes.
#pragma once

#include <memory>

#include "providers/provider.h"

namespace plinth::providers {

std::unique_ptr<Provider> make_random_provider();

}  // namespace plinth::providers
