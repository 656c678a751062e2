// providers/null/null_provider.h: the "null" provider, as Terraform's: `null_resource`, an object
// that does nothing, with a `triggers` map whose change replaces it (to order or re-run things).
#pragma once

#include <memory>

#include "providers/provider.h"

namespace plinth::providers {

std::unique_ptr<Provider> make_null_provider();

}  // namespace plinth::providers
