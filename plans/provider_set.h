// plans/provider_set.h: the provider instances one run uses, made from the registry on first use
// and configured once. Safe to call from walker threads.
#pragma once

#include <expected>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "core/diagnostics.h"
#include "providers/provider.h"
#include "providers/registry.h"

namespace plinth::plans {

class ProviderSet {
public:
    explicit ProviderSet(const providers::ProviderRegistry& registry) : m_registry(registry) {}

    // The configured provider named `name`; an error when no such provider exists or its
    // configuration fails. `location` is where the stack asked for it.
    std::expected<providers::Provider*, Diagnostic> get(const std::string& name, const SourceLocation& location = {});

private:
    const providers::ProviderRegistry& m_registry;
    std::mutex m_mutex;
    std::map<std::string, std::unique_ptr<providers::Provider>> m_instances;
};

// A provider failure as a diagnostic about `address`.
Diagnostic provider_diagnostic(const std::string& address, const providers::ProviderError& error,
                               const SourceLocation& location = {});

}  // namespace plinth::plans
