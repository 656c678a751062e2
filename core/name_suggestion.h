// core/name_suggestion.h: "did you mean `web`?" for a misspelt name, by edit distance among
// the names that exist. Used by core/stack and core/expr.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plinth {

// The candidate closest to `name` when it is close enough to be a likely typo (a few edits,
// fewer than the name's length); null otherwise.
const std::string* closest_name(std::string_view name, const std::vector<std::string>& candidates);

// "did you mean `x`?" for the closest candidate when it is close enough (a few edits, fewer than
// the name's length), else "".
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace plinth
