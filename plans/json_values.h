// plans/json_values.h: a value as Terraform's JSON plan and state representations carry it:
// the known part, with unknown and sensitive parts left out (a sensitive value is never written,
// unlike Terraform), and beside it the marks of what was left out (`after_unknown`,
// `after_sensitive`, `sensitive_values`): true at a left-out leaf, nested objects and arrays
// only where something is marked.
#pragma once

#include <nlohmann/json.hpp>

#include "core/value.h"

namespace plinth::plans {

using PlanJson = nlohmann::ordered_json;

struct JsonValueParts {
    PlanJson known;      // the value; unknown and sensitive parts null (or left out of maps)
    PlanJson unknown;    // true / {...} / [...] where unknown; false when nothing is
    PlanJson sensitive;  // true / {...} / [...] where sensitive; false when nothing is
};

JsonValueParts split_json_value(const Value& value);

// A map value's marks as the representations want them at the top level: `{}` for nothing.
PlanJson object_marks(const PlanJson& marks);

}  // namespace plinth::plans
