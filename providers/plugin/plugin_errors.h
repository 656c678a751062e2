// providers/plugin/plugin_errors.h: plugin errors as provider errors. A JSON-RPC error's data
// carries a kind ("error", "not_found", "transient", "timeout") and diagnostics ({summary,
// detail, attribute}); see docs/plugin-protocol.md, "Errors".
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "providers/plugin/json_rpc_client.h"
#include "providers/provider.h"

namespace plinth::providers {

// A list of diagnostics objects as provider errors (of kind Error); entries that are not objects
// with a string "summary" become an error saying so.
std::vector<ProviderError> errors_from_diagnostics(const nlohmann::json& diagnostics);

// One provider error for a failed call: the kind from the data, the first diagnostic as summary,
// detail and attribute, later ones added to the detail; the message when there is none.
ProviderError provider_error_from(const RpcFailure& failure);

}  // namespace plinth::providers
