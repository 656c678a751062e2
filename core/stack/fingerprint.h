// core/stack/fingerprint.h: the identity of a stack's text, so a saved plan can tell that the
// stack it was made from has changed. Private to core/stack.
#pragma once

#include <string>
#include <vector>

#include "core/stack/loader.h"

namespace plinth {

// sha256 (hex) over each file's name and bytes, in the given order, each length-prefixed so no
// two different file sets hash the same text.
std::string stack_fingerprint(const std::vector<StackFile>& files);

}  // namespace plinth
