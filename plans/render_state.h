// plans/render_state.h: state and outputs as humans and scripts read them: `plinth show` (like
// `terraform show`), and `plinth output` in its text, raw and JSON forms.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "core/state/state.h"
#include "plans/render_style.h"

namespace plinth::plans {

// Every resource as `resource "type" "name" { ... }` under a "# address:" heading, then the
// outputs; sensitive values masked. Ends in a newline.
std::string render_state(const State& state, const RenderStyle& style);

// One resource as `plinth state show` prints it: the "# address:" heading and its block.
std::string render_resource_state(const ResourceState& resource, const RenderStyle& style);

// `name = value` lines, sensitive outputs shown as <sensitive>. Empty when there are none.
std::string render_outputs(const std::map<std::string, OutputState>& outputs, const RenderStyle& style);

// An output for `--raw`, with no trailing newline and unmasked: strings without quotes, numbers
// and bools as written. Lists and maps have no raw form; the caller refuses them (and points at
// --json) before calling.
std::string render_output_raw(const Value& value);

// `{name: {"sensitive": bool, "type": <type>, "value": <value>}}` like `terraform output -json`;
// values unmasked, types as Terraform writes them ("string", ["tuple", [...]], ["object", {...}]).
nlohmann::json outputs_to_json(const std::map<std::string, OutputState>& outputs);

}  // namespace plinth::plans
