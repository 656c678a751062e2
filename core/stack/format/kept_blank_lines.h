// core/stack/format/kept_blank_lines.h: the blank lines that are text, not layout: those ending a
// block scalar kept with `+` (`|+`, `>+`), which the formatter must neither drop nor merge.
// Private to core/stack/format.
#pragma once

#include <vector>

#include "core/stack/format/source_lines.h"

namespace plinth::format {

// For each line, whether it is a blank line a `+` block scalar keeps. Read from the text alone:
// a header that only looks like one keeps blank lines that could have gone, nothing worse.
std::vector<bool> kept_blank_lines(const Lines& lines);

}  // namespace plinth::format
