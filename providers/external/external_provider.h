// providers/external/external_provider.h: the "external" provider, as in Terraform: the data
// source `external` runs a program (an argv, no shell) with `query` as a JSON object on its stdin
// and reads its stdout, a JSON object of strings, as `result`. See external_data.h.
#pragma once

#include <memory>

#include "providers/provider.h"

namespace plinth::providers {

std::unique_ptr<Provider> make_external_provider();

}  // namespace plinth::providers
