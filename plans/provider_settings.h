// plans/provider_settings.h: the settings a provider configuration is configured with: its
// `providers:` entry evaluated from variables and locals, checked against the provider's settings
// schema (errors point at the offending line), defaults filled in, secrets marked sensitive.
#pragma once

#include <expected>
#include <string>

#include "core/diagnostics.h"
#include "core/stack/stack.h"
#include "core/value.h"
#include "providers/schema.h"

namespace plinth::plans {

// The settings of configuration `name` of `root`; an empty map (plus defaults) when the stack
// declares none for it.
std::expected<Value, Diagnostics> evaluate_provider_settings(const Stack& root, const std::string& name,
                                                             const providers::ProviderSchema& schema,
                                                             const ValueMap& variables, const std::string& workspace);

}  // namespace plinth::plans
