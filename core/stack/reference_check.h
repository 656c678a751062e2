// core/stack/reference_check.h: after a stack is parsed, every reference its expressions make
// (and every `depends_on` entry) must name something declared. Private to core/stack.
#pragma once

#include "core/diagnostics.h"
#include "core/stack/stack.h"

namespace plinth {

// One error per bad reference, in declaration order, with a "did you mean" hint when a declared
// name is close.
Diagnostics check_references(const Stack& stack);

}  // namespace plinth
