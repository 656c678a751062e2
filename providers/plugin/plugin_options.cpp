#include "providers/plugin/plugin_options.h"

#include <cstdlib>

#include <fmt/format.h>

#include "core/duration.h"

namespace plinth::providers {

std::expected<PluginOptions, std::string> plugin_options_from_environment() {
    PluginOptions options;
    const char* text = std::getenv("PLINTH_PLUGIN_TIMEOUT");
    if (text == nullptr || *text == '\0') return options;
    auto timeout = parse_duration(text);
    if (!timeout) return std::unexpected(fmt::format("PLINTH_PLUGIN_TIMEOUT={}: {}", text, timeout.error()));
    options.call_timeout = std::chrono::duration_cast<std::chrono::milliseconds>(*timeout);
    if (options.call_timeout.count() <= 0)
        return std::unexpected(fmt::format("PLINTH_PLUGIN_TIMEOUT={}: a timeout must be at least 1ms", text));
    return options;
}

}  // namespace plinth::providers
