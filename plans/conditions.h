// plans/conditions.h: a resource's lifecycle preconditions and postconditions. A condition that
// is false is an error carrying its evaluated error_message, at the condition; one that is not
// known yet passes for now and is checked again when its values exist (during apply).
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/stack/stack.h"
#include "plans/module_scope.h"

namespace plinth::plans {

// `kind` is "precondition" or "postcondition", for the message.
Diagnostics check_conditions(const std::vector<ConditionCheck>& checks, const InstanceScope& scope,
                             const std::string& address, std::string_view kind);

}  // namespace plinth::plans
