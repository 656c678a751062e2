// providers/plugin/plugin_options.h: how plinth runs plugins: the per-call timeout (default 5
// minutes, PLINTH_PLUGIN_TIMEOUT=30s to change it) and the grace period at shutdown.
#pragma once

#include <chrono>
#include <expected>
#include <string>

namespace plinth::providers {

struct PluginOptions {
    std::chrono::milliseconds call_timeout{std::chrono::minutes(5)};    // per call; > 0
    std::chrono::milliseconds shutdown_grace{std::chrono::seconds(2)};  // after stdin closes, before a kill
};

// The defaults, with PLINTH_PLUGIN_TIMEOUT (a duration: "90s", "10m") when it is set. The error
// names the variable and says what is wrong with its value.
std::expected<PluginOptions, std::string> plugin_options_from_environment();

}  // namespace plinth::providers
