#include "plans/provider_set.h"

#include <fmt/format.h>

namespace plinth::plans {

std::expected<providers::Provider*, Diagnostic> ProviderSet::get(const std::string& name, const SourceLocation& location) {
    std::lock_guard lock(m_mutex);
    if (auto it = m_instances.find(name); it != m_instances.end()) return it->second.get();
    auto created = m_registry.create(name);
    if (!created) {
        if (created.error().kind != providers::ProviderError::Kind::NotFound)
            return std::unexpected(make_error(created.error().summary, created.error().detail, location));
        std::string known;
        for (const auto& candidate : m_registry.names()) known += (known.empty() ? "" : ", ") + candidate;
        return std::unexpected(make_error(fmt::format("unknown provider `{}`", name),
                                          fmt::format("available providers: {}", known), location));
    }
    auto provider = std::move(*created);
    if (auto configured = provider->configure(Value(ValueMap{})); !configured) {
        return std::unexpected(make_error(fmt::format("provider `{}`: {}", name, configured.error().summary),
                                          configured.error().detail, location));
    }
    return m_instances.emplace(name, std::move(provider)).first->second.get();
}

Diagnostic provider_diagnostic(const std::string& address, const providers::ProviderError& error,
                               const SourceLocation& location) {
    std::string summary = fmt::format("{}: {}", address, error.summary);
    if (!error.attribute.empty()) summary += fmt::format(" (attribute `{}`)", error.attribute);
    return make_error(std::move(summary), error.detail, location);
}

}  // namespace plinth::plans
