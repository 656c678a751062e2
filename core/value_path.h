// core/value_path.h: attribute paths inside a value, written "tags.owner" or "rules[0].port".
// State records sensitive attributes as such paths; plans name the attributes that force a
// replacement with them.
#pragma once

#include <string>
#include <vector>

#include "core/value.h"

namespace plinth {

// Paths of every sensitive-marked value inside `value` (the outermost mark only; a marked map's
// members are not listed again). The root itself being marked gives the path "".
std::vector<std::string> sensitive_paths(const Value& value);

// Marks the values at `paths` sensitive; paths that do not exist are ignored.
void mark_sensitive_paths(Value& value, const std::vector<std::string>& paths);

// The value at `path`, or null when there is none.
const Value* value_at_path(const Value& value, const std::string& path);

}  // namespace plinth
