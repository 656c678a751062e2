// providers/time/time_provider.h: the "time" provider, as Terraform's: `time_sleep` waits
// `create_duration` when created and `destroy_duration` when destroyed (Go-style durations such
// as "40ms", "3s", "1m30s"; see core/duration.h), to give eventually-consistent systems time. Its
// `triggers` map forces replacement; its `id` is the RFC 3339 UTC time of creation.
#pragma once

#include <memory>

#include "providers/provider.h"

namespace plinth::providers {

std::unique_ptr<Provider> make_time_provider();

}  // namespace plinth::providers
