// providers/http_client/http_attributes.h: reading the attributes HTTP providers share from
// configured values: durations ("30s"), header maps, retry settings. Errors name the attribute.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/value.h"
#include "core/net/http_message.h"
#include "core/net/retry_policy.h"
#include "providers/provider.h"

namespace plinth::providers::http_client {

// A duration attribute such as "30s" or "250ms"; `fallback` when absent or null.
Result<std::chrono::milliseconds> duration_attribute(const Value& attributes, std::string_view name,
                                                     std::chrono::milliseconds fallback);

// A map of header names to strings (numbers and bools are sent as their text); empty when absent.
Result<net::Headers> headers_attribute(const Value& attributes, std::string_view name);

// A whole number of at least 0; `fallback` when absent or null.
Result<int> count_attribute(const Value& attributes, std::string_view name, int fallback);

// Checks that min_delay <= max_delay; `attribute` names where they were set.
Result<void> check_delays(const net::RetryPolicy& policy, std::string_view attribute);

}  // namespace plinth::providers::http_client
