// cli/unified_diff.h: two versions of a text as a unified diff (`diff -u`'s format, three lines of
// context), for `plinth fmt --diff`.
#pragma once

#include <string>
#include <string_view>

namespace plinth::cli {

// The diff from `before` (named `before_name`) to `after`; empty when they are equal.
std::string unified_diff(std::string_view before_name, std::string_view after_name, std::string_view before,
                         std::string_view after);

}  // namespace plinth::cli
