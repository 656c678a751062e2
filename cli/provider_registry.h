// cli/provider_registry.h: the providers a command can use: the built-ins, then the plugin
// executables found for the stack (see providers/plugin/). The one place cli/ assembles a
// ProviderRegistry.
#pragma once

#include "core/stack/stack.h"
#include "providers/registry.h"

namespace plinth::cli {

// `stack` may be null (a command run outside a stack directory): plugins then come from PATH only.
providers::ProviderRegistry make_provider_registry(const Stack* stack);

}  // namespace plinth::cli
