// plans/requirements.h: whether plinth and the providers meet a stack's `requires: { plinth:
// CONSTRAINT, providers: { NAME: CONSTRAINT } }`. plinth's version is checked when a stack is
// loaded; a provider's when a run first uses it and by `plinth init` for every required one.
#pragma once

#include <expected>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/stack/stack.h"
#include "providers/registry.h"
#include "providers/schema.h"

namespace plinth::plans {

// An error at the requirement's location when this plinth's version does not satisfy `requires.plinth`.
std::optional<Diagnostic> check_plinth_requirement(const Requirements& requirements);

// An error at the requirement's location when `schema`'s provider is required and its version
// does not satisfy the constraint (or the constraint or version cannot be read).
std::optional<Diagnostic> check_provider_requirement(const Requirements& requirements,
                                                     const providers::ProviderSchema& schema,
                                                     const std::string& origin);

// A provider `requires:` names, as found.
struct RequiredProvider {
    std::string name;
    std::string version;
    std::string origin;  // "built-in" or the plugin's path
};

// Makes every provider `requires:` names (starting plugins) and checks its version: for
// `plinth init`. Errors: a provider not found, one that does not start, a version not allowed.
std::expected<std::vector<RequiredProvider>, Diagnostics> check_required_providers(
    const Requirements& requirements, const providers::ProviderRegistry& registry);

}  // namespace plinth::plans
