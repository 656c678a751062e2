// plans/requirements.h: whether plinth and the providers meet a stack's `requires: { plinth:
// CONSTRAINT, providers: { NAME: CONSTRAINT } }`. plinth's version is checked when a stack is
// loaded; a provider's when a run first uses it and by `plinth init` for every required one.
#pragma once

#include <optional>

#include "core/diagnostics.h"
#include "core/stack/stack.h"
#include "providers/schema.h"

namespace plinth::plans {

// An error at the requirement's location when this plinth's version does not satisfy `requires.plinth`.
std::optional<Diagnostic> check_plinth_requirement(const Requirements& requirements);

// An error at the requirement's location when `schema`'s provider is required and its version
// does not satisfy the constraint (or the constraint or version cannot be read).
std::optional<Diagnostic> check_provider_requirement(const Requirements& requirements,
                                                     const providers::ProviderSchema& schema,
                                                     const std::string& origin);

}  // namespace plinth::plans
