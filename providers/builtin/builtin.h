// providers/builtin/builtin.h: registers the providers compiled into plinth (local, random, null,
// time, external, http, rest, postgresql, aws).
#pragma once

#include "providers/registry.h"

namespace plinth::providers {

void register_builtin_providers(ProviderRegistry& registry);

}  // namespace plinth::providers
