// plans/attribute_location.h: where in the stack a resource sets one of its attributes, so a
// provider's complaint about that attribute points at the line that set it.
#pragma once

#include <string_view>

#include "core/diagnostics.h"
#include "core/stack/stack.h"

namespace plinth::plans {

// The attribute's place in `properties:`, or the resource's own when it is not written there.
SourceLocation attribute_location(const ResourceDecl& decl, std::string_view attribute);

}  // namespace plinth::plans
