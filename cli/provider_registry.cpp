#include "cli/provider_registry.h"

#include "providers/builtin/builtin.h"
#include "providers/plugin/plugin_discovery.h"
#include "providers/plugin/plugin_registration.h"

namespace plinth::cli {

providers::ProviderRegistry make_provider_registry(const Stack* stack) {
    providers::ProviderRegistry registry;
    providers::register_builtin_providers(registry);
    auto dirs = stack ? providers::plugin_search_dirs(stack->dir, stack->providers_dir)
                      : providers::plugin_search_dirs({}, {});
    providers::register_plugin_providers(registry, dirs, providers::plugin_options_from_environment());
    return registry;
}

}  // namespace plinth::cli
