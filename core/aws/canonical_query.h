// core/aws/canonical_query.h: URL pieces as SigV4 signs them. libcurl 7.88 signs the query string
// as it is given, so plinth sends it already canonical: every name and value percent-encoded
// (all but A-Z a-z 0-9 - _ . ~), sorted by name, then value.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace plinth::aws {

using QueryParameters = std::vector<std::pair<std::string, std::string>>;

// Percent-encodes `text` as SigV4 wants (upper-case hex); '/' stays when `keep_slash` (object
// keys in paths).
std::string uri_encode(std::string_view text, bool keep_slash);

// "a=1&b=x%20y": the parameters encoded and sorted; a parameter without a value is "name=".
std::string canonical_query(const QueryParameters& parameters);

}  // namespace plinth::aws
