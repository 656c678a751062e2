// core/value_json.h: converting values to and from JSON. The plain form is what state files and
// `--json` output carry; the tagged form also keeps unknowns and sensitive marks, for plan files;
// the wire form keeps unknowns only, for plugin providers (docs/plugin-protocol.md).
#pragma once

#include <nlohmann/json.hpp>

#include "core/value.h"

namespace plinth {

// Unknown values become null; sensitive marks are dropped (state records them as paths instead).
nlohmann::json to_json(const Value& value);
Value from_json(const nlohmann::json& json);

// Keeps unknowns and sensitive marks: {"$unknown": true} and {"$sensitive": <value>}.
nlohmann::json to_tagged_json(const Value& value);
Value from_tagged_json(const nlohmann::json& json);

// Keeps unknowns as {"$unknown": true} and drops sensitive marks: what a plugin is sent. A
// plugin's answer is read with from_tagged_json.
nlohmann::json to_wire_json(const Value& value);

}  // namespace plinth
