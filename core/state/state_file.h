// core/state/state_file.h: the versioned JSON state format (DESIGN.md §3). Reading checks
// format_version first and refuses versions it does not know.
#pragma once

#include <expected>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/diagnostics.h"
#include "core/state/state.h"
#include "core/state/text_pieces.h"

namespace plinth {

// `origin` names the source in diagnostics (a path).
std::expected<State, Diagnostic> parse_state(std::string_view json, const std::string& origin);
// Pretty-printed JSON with a trailing newline; resources sorted by address.
std::string serialize_state(const State& state);
// The same text, handed to `sink` a resource at a time.
void write_state_text(const State& state, const TextSink& sink);

// One resource in the JSON form used by both the state file and the journal.
nlohmann::json resource_to_json(const ResourceState& resource);
std::expected<ResourceState, std::string> resource_from_json(const nlohmann::json& json);

}  // namespace plinth
