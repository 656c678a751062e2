// providers/rest/rest_settings.h: the rest provider's settings (the `providers: { rest: ... }`
// block) and their environment fallbacks, read into what every request needs:
//   base_url              REST_API_BASE_URL    required one way or the other
//   headers                                    map sent with every request
//   username, password    REST_API_USERNAME, REST_API_PASSWORD   basic authentication
//   bearer_token          REST_API_TOKEN       "Authorization: Bearer ..." (not with basic)
//   timeout                                    one try, default "30s"
//   retries                                    further tries, default 3
//   retry_min_delay, retry_max_delay           backoff bounds, default "1s" and "30s"
//   retry_non_idempotent                       also retry POST and PATCH, default false
//   ca_cert, insecure                          as http_request's
// An environment variable counts only when the setting is not given and the variable is not empty.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "providers/http_client/http_attributes.h"
#include "core/environment.h"
#include "core/net/retry_policy.h"
#include "providers/schema.h"

namespace plinth::providers::rest {

struct RestSettings {
    std::string base_url;
    net::Headers headers;  // the configured ones, JSON content headers and authentication
    std::chrono::milliseconds timeout{30'000};
    net::RetryPolicy retry;
    std::string ca_cert;
    bool insecure = false;
};

std::vector<AttributeSchema> rest_settings_schema();

// `config` has been checked against rest_settings_schema(); defaults may be missing.
Result<RestSettings> read_settings(const Value& config, const EnvironmentLookup& environment);

}  // namespace plinth::providers::rest
