// providers/http/http_provider.h: the "http" provider. It has no settings and one data source,
// `http_request`, which sends one HTTP request at plan time and exposes the answer (see
// http_request_data.h).
#pragma once

#include <memory>

#include "providers/provider.h"

namespace plinth::providers {

std::unique_ptr<Provider> make_http_provider();

}  // namespace plinth::providers
