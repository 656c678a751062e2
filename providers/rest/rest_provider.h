// providers/rest/rest_provider.h: the "rest" provider: generic CRUD over a JSON REST API (the job
// of Terraform's "restapi" provider). Settings and their environment fallbacks are in
// rest_settings.h; the one resource type, rest_object, in rest_object.h.
#pragma once

#include <memory>

#include "providers/provider.h"
#include "providers/rest/rest_settings.h"

namespace plinth::providers {

std::unique_ptr<Provider> make_rest_provider();
// The same, reading environment fallbacks from `environment` (for tests).
std::unique_ptr<Provider> make_rest_provider(EnvironmentLookup environment);

}  // namespace plinth::providers
