#include "providers/plugin/plugin_registration.h"

#include <memory>
#include <mutex>
#include <optional>

#include <fmt/format.h>

#include "core/log.h"
#include "providers/plugin/plugin_discovery.h"
#include "providers/plugin/plugin_provider.h"

namespace plinth::providers {

namespace {

// A plugin's factory. A plugin that failed to start is not started again in the same run: each
// later request gets the same error at once.
class PluginStarter {
public:
    PluginStarter(PluginExecutable plugin, std::expected<PluginOptions, std::string> options)
        : m_plugin(std::move(plugin)), m_options(std::move(options)), m_failure(std::make_shared<Failure>()) {}

    Result<std::unique_ptr<Provider>> operator()() const {
        std::lock_guard lock(m_failure->mutex);
        if (m_failure->error) return std::unexpected(*m_failure->error);
        auto started = start();
        if (!started) m_failure->error = started.error();
        return started;
    }

private:
    struct Failure {
        std::mutex mutex;
        std::optional<ProviderError> error;
    };

    Result<std::unique_ptr<Provider>> start() const {
        if (!m_options)
            return std::unexpected(provider_error(fmt::format("provider plugin `{}` ({}) was not started",
                                                              m_plugin.name, m_plugin.path.string()),
                                                  m_options.error()));
        auto started = PluginProvider::start(m_plugin.name, m_plugin.path, *m_options);
        if (!started) return std::unexpected(started.error());
        return std::unique_ptr<Provider>(std::move(*started));
    }

    PluginExecutable m_plugin;
    std::expected<PluginOptions, std::string> m_options;
    std::shared_ptr<Failure> m_failure;  // shared by the factory's copies
};

}  // namespace

void register_plugin_providers(ProviderRegistry& registry, const std::vector<std::filesystem::path>& dirs,
                               const std::expected<PluginOptions, std::string>& options) {
    for (auto& plugin : find_plugins(dirs)) {
        if (registry.contains(plugin.name)) {
            log(LogLevel::Info, "ignoring {}: the provider `{}` is {}", plugin.path.string(), plugin.name,
                registry.origin(plugin.name));
            continue;
        }
        log(LogLevel::Debug, "found provider plugin `{}` at {}", plugin.name, plugin.path.string());
        std::string name = plugin.name;
        std::string origin = plugin.path.string();
        registry.add(std::move(name), PluginStarter(std::move(plugin), options), std::move(origin));
    }
}

}  // namespace plinth::providers
