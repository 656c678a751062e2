// plans/conformance.h: checking that what a provider plans at apply time agrees with what the
// saved plan promised: every value the plan knew must be unchanged; unknowns may become anything.
#pragma once

#include <optional>
#include <string>

#include "core/value.h"

namespace plinth::plans {

struct Nonconformance {
    std::string path;     // "content", "tags.env"
    std::string planned;  // display forms; sensitive values masked
    std::string actual;
};

// The first place where `actual` departs from the known parts of `planned`.
std::optional<Nonconformance> find_nonconformance(const Value& planned, const Value& actual);

}  // namespace plinth::plans
