// providers/aws/aws_values.h: moving the string maps AWS keeps (tags, object metadata, queue
// attributes) between attribute values and C++ maps, and the wait for an AWS object to settle.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "core/net/http_client.h"
#include "core/value.h"
#include "providers/provider.h"

namespace plinth::providers::aws {

using StringMap = std::map<std::string, std::string>;

// The map at `name` with string values; none when absent or null; an error naming the attribute
// when a value is not a string.
Result<StringMap> string_map_attribute(const Value& attributes, std::string_view name);

// Sets `name` to `map` as read from AWS; an empty map leaves an absent or null attribute null, so
// "no tags" in the stack and "no tags" on the server agree.
void set_string_map(Value& attributes, std::string_view name, const StringMap& map);

// Polls `settled` (true when done) with waits doubling from 200ms to 5s until it answers true or
// `limit` has passed in waits; an error when it does not settle, or the poll's own error.
Result<void> wait_until(const net::Sleeper& sleep, std::chrono::seconds limit, const std::string& what,
                        const std::function<Result<bool>()>& settled);

}  // namespace plinth::providers::aws
