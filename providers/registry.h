// providers/registry.h: maps provider names to factories, and resource types to providers by
// their prefix, as Terraform does: "local_file" -> "local", "random_id" -> "random". Only cli/
// fills a registry with concrete providers; the engine sees the contract alone.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "providers/provider.h"

namespace plinth::providers {

using ProviderFactory = std::function<std::unique_ptr<Provider>()>;

class ProviderRegistry {
public:
    void add(std::string name, ProviderFactory factory);
    // Null when no provider has that name.
    std::unique_ptr<Provider> create(std::string_view name) const;
    bool contains(std::string_view name) const;
    std::vector<std::string> names() const;

private:
    std::map<std::string, ProviderFactory, std::less<>> m_factories;
};

// The provider a type belongs to by default: the text before the first '_'.
std::string default_provider_for_type(std::string_view type);

}  // namespace plinth::providers
