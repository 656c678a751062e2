// tests/unit/fake_environment.h: an EnvironmentLookup over a map, for tests of code that falls
// back to environment variables.
#pragma once

#include <map>
#include <string>

#include "core/environment.h"

namespace plinth::testing {

inline EnvironmentLookup environment_of(std::map<std::string, std::string> variables) {
    return [variables = std::move(variables)](std::string_view name) -> std::optional<std::string> {
        auto found = variables.find(std::string(name));
        if (found == variables.end() || found->second.empty()) return std::nullopt;
        return found->second;
    };
}

}  // namespace plinth::testing
