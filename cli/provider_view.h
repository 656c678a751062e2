// cli/provider_view.h: how `plinth providers` shows providers on a terminal: one summary per
// provider (version, where it comes from, its types), or a full schema with every attribute.
#pragma once

#include <string>

#include "providers/schema.h"

namespace plinth::cli {

// "random 0.1.0 (built-in)" then its resource and data-source types, indented.
std::string render_provider_summary(const providers::ProviderSchema& schema, const std::string& origin, bool color);

// The summary line, the settings, then each type with one line per attribute: name, type, and
// required / optional / computed, force_new, sensitive, default, description.
std::string render_provider_schema(const providers::ProviderSchema& schema, const std::string& origin, bool color);

}  // namespace plinth::cli
