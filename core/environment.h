// core/environment.h: reading environment variables through a function, so that everything that
// falls back to the environment (provider settings, AWS credentials, encryption keys) reads it
// the same way and tests give it a map instead of the process's environment.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace plinth {

// The value of environment variable `name`; nullopt when it is unset or empty.
using EnvironmentLookup = std::function<std::optional<std::string>(std::string_view name)>;

// The process's environment (getenv).
std::optional<std::string> process_environment(std::string_view name);

}  // namespace plinth
