// providers/schema_json.h: the one JSON form of a provider schema, used by plugins to declare
// theirs (docs/plugin-protocol.md, "schema") and by `plinth providers schema --json`. Reading it
// back checks every field and names the first wrong one by its path.
#pragma once

#include <expected>
#include <string>

#include <nlohmann/json.hpp>

#include "providers/schema.h"

namespace plinth::providers {

// {"name", "version", "config": [attribute...], "resources": [type...], "data_sources": [type...]};
// a type is {"type", "description", "attributes": [attribute...]}; an attribute is {"name",
// "type", "description", "required", "optional", "computed", "force_new", "sensitive"} plus
// "default" when it has one. Every field is written, even when false or empty.
nlohmann::json schema_to_json(const ProviderSchema& schema);

// The reverse. Only "name" (and each type's "type", each attribute's "name" and "type") are
// required; flags default to false. Unknown fields are refused, so typos do not pass silently.
// The error starts with the path of the wrong field: "resources[1].attributes[0].type: ...".
std::expected<ProviderSchema, std::string> schema_from_json(const nlohmann::json& json);

}  // namespace plinth::providers
