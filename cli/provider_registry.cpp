#include "cli/provider_registry.h"

#include "providers/builtin/builtin.h"

namespace plinth::cli {

providers::ProviderRegistry make_provider_registry(const Stack*) {
    providers::ProviderRegistry registry;
    providers::register_builtin_providers(registry);
    return registry;
}

}  // namespace plinth::cli
