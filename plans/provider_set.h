// plans/provider_set.h: the provider instances one run uses, one per provider configuration
// (`aws`, `aws.eu`), made from the registry on first use. Each is checked against the stack's
// `requires:` and, once the run's variables are known, configured with its `providers:` settings
// evaluated and checked against the provider's own schema. Safe to call from walker threads.
#pragma once

#include <expected>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/diagnostics.h"
#include "core/stack/stack.h"
#include "core/value.h"
#include "providers/provider.h"
#include "providers/registry.h"

namespace plinth::plans {

class ProviderSet {
public:
    // `root` is the root stack: its `providers:` and `requires:` apply to the whole run.
    ProviderSet(const providers::ProviderRegistry& registry, const Stack& root) : m_registry(registry), m_root(root) {}

    // From now on get() configures each provider it makes, with settings evaluated from
    // `variables`. Without this, providers stay unconfigured: enough for schemas and validation.
    void configure_with(ValueMap variables, std::string workspace);

    // The provider of configuration `name`; an error when there is no such provider or
    // configuration, its version does not meet `requires:`, or configuring it fails. `location`
    // is where the stack asked for it.
    std::expected<providers::Provider*, Diagnostic> get(const std::string& name, const SourceLocation& location = {});

private:
    std::expected<std::unique_ptr<providers::Provider>, Diagnostic> make(const std::string& name,
                                                                         const SourceLocation& location) const;
    std::expected<void, Diagnostic> configure(providers::Provider& provider, const std::string& name,
                                              const SourceLocation& location) const;

    const providers::ProviderRegistry& m_registry;
    const Stack& m_root;
    std::optional<ValueMap> m_variables;
    std::string m_workspace;
    std::mutex m_mutex;
    std::map<std::string, std::unique_ptr<providers::Provider>> m_instances;
};

// A provider failure as a diagnostic about `address`.
Diagnostic provider_diagnostic(const std::string& address, const providers::ProviderError& error,
                               const SourceLocation& location = {});

}  // namespace plinth::plans
