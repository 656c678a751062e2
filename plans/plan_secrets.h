// plans/plan_secrets.h: keeping secrets out of saved plans that are not encrypted. Every
// sensitive value a plan holds (sensitive variables, sensitive attributes before and after, data
// source results, imported objects, sensitive outputs, drift) is written as an unknown marked
// sensitive instead. `apply FILE` then takes the sensitive variables again, plans afresh against
// the same state, and goes on only when the fresh plan does what the saved one said.
#pragma once

#include <optional>
#include <string>

#include "plans/plan.h"

namespace plinth::plans {

// `plan` with every sensitive value left out; `secrets_redacted` says whether any was.
Plan without_secrets(const Plan& plan);

// Why `fresh` does not do what `saved` said, e.g. "`web`: `content` was planned as "a", now
// "b""; nullopt when it does. Unknowns in `saved` (secrets left out among them) may be anything.
std::optional<std::string> find_plan_departure(const Plan& saved, const Plan& fresh);

}  // namespace plinth::plans
