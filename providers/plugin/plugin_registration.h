// providers/plugin/plugin_registration.h: adding the plugins found on disk to a provider
// registry, one factory each; a factory starts its plugin when a run first needs the provider.
#pragma once

#include <expected>
#include <filesystem>
#include <string>
#include <vector>

#include "providers/plugin/plugin_options.h"
#include "providers/registry.h"

namespace plinth::providers {

// Registers the plugins find_plugins(dirs) finds, with their path as origin. A name the registry
// already has (a built-in) keeps its provider. `options` may hold why they could not be read
// (a bad PLINTH_PLUGIN_TIMEOUT): then starting any plugin fails with that reason.
void register_plugin_providers(ProviderRegistry& registry, const std::vector<std::filesystem::path>& dirs,
                               const std::expected<PluginOptions, std::string>& options);

}  // namespace plinth::providers
