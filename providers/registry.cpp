#include "providers/registry.h"

#include <fmt/format.h>

namespace plinth::providers {

void ProviderRegistry::add(std::string name, ProviderFactory factory, std::string origin) {
    m_entries.insert_or_assign(std::move(name), Entry{std::move(factory), std::move(origin)});
}

Result<std::unique_ptr<Provider>> ProviderRegistry::create(std::string_view name) const {
    auto it = m_entries.find(name);
    if (it == m_entries.end()) {
        return std::unexpected(ProviderError{ProviderError::Kind::NotFound,
                                             fmt::format("unknown provider `{}`", name), {}, {}});
    }
    return it->second.factory();
}

bool ProviderRegistry::contains(std::string_view name) const { return m_entries.find(name) != m_entries.end(); }

std::vector<std::string> ProviderRegistry::names() const {
    std::vector<std::string> out;
    out.reserve(m_entries.size());
    for (const auto& [name, entry] : m_entries) out.push_back(name);
    return out;
}

std::string ProviderRegistry::origin(std::string_view name) const {
    auto it = m_entries.find(name);
    return it == m_entries.end() ? std::string() : it->second.origin;
}

std::string default_provider_for_type(std::string_view type) {
    return std::string(type.substr(0, type.find('_')));
}

}  // namespace plinth::providers
