#include "core/environment.h"

#include <cstdlib>

namespace plinth {

std::optional<std::string> process_environment(std::string_view name) {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr || *value == '\0') return std::nullopt;
    return std::string(value);
}

}  // namespace plinth
