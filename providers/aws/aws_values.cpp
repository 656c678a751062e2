#include "providers/aws/aws_values.h"

#include <fmt/format.h>

#include "providers/attributes.h"

namespace plinth::providers::aws {

Result<StringMap> string_map_attribute(const Value& attributes, std::string_view name) {
    StringMap map;
    const Value* found = attributes.find(name);
    if (found == nullptr || !found->is_map()) return map;
    for (const auto& [key, value] : found->as_map()) {
        if (!value.is_string())
            return std::unexpected(
                attribute_error(std::string(name), fmt::format("value of \"{}\" must be a string", key)));
        map.emplace(key, value.as_string());
    }
    return map;
}

void set_string_map(Value& attributes, std::string_view name, const StringMap& map) {
    const Value* current = attributes.find(name);
    if (map.empty() && (current == nullptr || current->is_null())) return;
    ValueMap values;
    for (const auto& [key, value] : map) values.emplace(key, Value(value));
    set_attribute(attributes, name, Value(std::move(values)));
}

Result<void> wait_until(const net::Sleeper& sleep, std::chrono::seconds limit, const std::string& what,
                        const std::function<Result<bool>()>& settled) {
    std::chrono::milliseconds waited{0}, delay{200};
    constexpr std::chrono::milliseconds k_longest{5'000};
    for (;;) {
        auto done = settled();
        if (!done) return std::unexpected(done.error());
        if (*done) return {};
        if (waited >= limit)
            return std::unexpected(provider_error(fmt::format("Timed out waiting for {}", what),
                                                  fmt::format("Still not done after {}s.", limit.count())));
        sleep(delay);
        waited += delay;
        delay = std::min(delay * 2, k_longest);
    }
}

}  // namespace plinth::providers::aws
