// providers/registry.h: maps provider names to factories, and resource types to providers by
// their prefix, as Terraform does: "local_file" -> "local", "random_id" -> "random". Only cli/
// fills a registry with concrete providers (built-ins and plugins found on disk); the engine sees
// the contract alone.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "providers/provider.h"

namespace plinth::providers {

// Making a provider may fail (a plugin that does not start); the error names the provider.
using ProviderFactory = std::function<Result<std::unique_ptr<Provider>>()>;

class ProviderRegistry {
public:
    // `origin` says where the provider comes from: "built-in", or a plugin's executable path.
    // A later add() with the same name replaces the earlier one.
    void add(std::string name, ProviderFactory factory, std::string origin = "built-in");
    // A NotFound error when no provider has that name.
    Result<std::unique_ptr<Provider>> create(std::string_view name) const;
    bool contains(std::string_view name) const;
    std::vector<std::string> names() const;
    // "" when no provider has that name.
    std::string origin(std::string_view name) const;

private:
    struct Entry {
        ProviderFactory factory;
        std::string origin;
    };
    std::map<std::string, Entry, std::less<>> m_entries;
};

// The provider a type belongs to by default: the text before the first '_'.
std::string default_provider_for_type(std::string_view type);

}  // namespace plinth::providers
