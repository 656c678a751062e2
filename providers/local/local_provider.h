// providers/local/local_provider.h: the "local" provider: files on the machine running plinth.
// Resource and data source `local_file` (see local_file.h for their attributes).
#pragma once

#include <memory>

#include "providers/provider.h"

namespace plinth::providers {

std::unique_ptr<Provider> make_local_provider();

}  // namespace plinth::providers
