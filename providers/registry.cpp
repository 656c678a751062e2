#include "providers/registry.h"

namespace plinth::providers {

void ProviderRegistry::add(std::string name, ProviderFactory factory) {
    m_factories.insert_or_assign(std::move(name), std::move(factory));
}

std::unique_ptr<Provider> ProviderRegistry::create(std::string_view name) const {
    auto it = m_factories.find(name);
    if (it == m_factories.end()) return nullptr;
    return it->second();
}

bool ProviderRegistry::contains(std::string_view name) const { return m_factories.find(name) != m_factories.end(); }

std::vector<std::string> ProviderRegistry::names() const {
    std::vector<std::string> out;
    out.reserve(m_factories.size());
    for (const auto& [name, factory] : m_factories) out.push_back(name);
    return out;
}

std::string default_provider_for_type(std::string_view type) {
    return std::string(type.substr(0, type.find('_')));
}

}  // namespace plinth::providers
