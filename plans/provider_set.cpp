#include "plans/provider_set.h"

#include <fmt/format.h>

#include "core/log.h"
#include "core/name_suggestion.h"
#include "plans/logged_provider.h"
#include "plans/requirements.h"
#include "plans/provider_settings.h"

namespace plinth::plans {
namespace {

// Several problems as one diagnostic: the first, with the others (and where they are) in its detail.
Diagnostic combine(Diagnostics problems, const SourceLocation& fallback) {
    Diagnostic first = problems[0];
    if (!first.location.known()) first.location = fallback;
    for (std::size_t i = 1; i < problems.size(); ++i) {
        if (!first.detail.empty()) first.detail += "\n";
        first.detail += problems[i].summary;
        if (problems[i].location.known()) first.detail += " (" + problems[i].location.to_string() + ")";
    }
    return first;
}

}  // namespace

void ProviderSet::configure_with(ValueMap variables, std::string workspace) {
    std::lock_guard lock(m_mutex);
    m_variables = std::move(variables);
    m_workspace = std::move(workspace);
}

std::expected<providers::Provider*, Diagnostic> ProviderSet::get(const std::string& name, const SourceLocation& location) {
    std::lock_guard lock(m_mutex);
    if (auto it = m_instances.find(name); it != m_instances.end()) return it->second.get();
    if (auto it = m_failures.find(name); it != m_failures.end()) return std::unexpected(it->second);
    auto provider = make(name, location);
    if (!provider) return std::unexpected(m_failures.emplace(name, provider.error()).first->second);
    if (m_variables)
        if (auto configured = configure(**provider, name, location); !configured)
            return std::unexpected(m_failures.emplace(name, configured.error()).first->second);
    return m_instances.emplace(name, std::move(*provider)).first->second.get();
}

std::expected<std::unique_ptr<providers::Provider>, Diagnostic> ProviderSet::make(const std::string& name,
                                                                                  const SourceLocation& location) const {
    auto dot = name.find('.');
    std::string type_name = name.substr(0, dot);
    if (dot != std::string::npos && !m_root.provider_configs.contains(name)) {
        std::vector<std::string> declared;
        for (const auto& [config, decl] : m_root.provider_configs) declared.push_back(config);
        std::string detail = fmt::format("add it under `providers:` in the root stack, e.g. `{}: {{ ... }}`", name);
        if (auto close = closest_name(name, declared)) detail = fmt::format("did you mean `{}`?", *close);
        return std::unexpected(
            make_error(fmt::format("provider configuration `{}` is not declared", name), detail, location));
    }
    auto created = m_registry.create(type_name);
    if (!created) {
        const auto& error = created.error();
        if (error.kind != providers::ProviderError::Kind::NotFound)
            return std::unexpected(make_error(error.summary, error.detail, location));
        std::string known;
        for (const auto& candidate : m_registry.names()) known += (known.empty() ? "" : ", ") + candidate;
        return std::unexpected(make_error(
            fmt::format("unknown provider `{}`", type_name),
            fmt::format("available providers: {}; a plugin provider is an executable `plinth-provider-{}` in "
                        ".plinth/providers, the stack's providers_dir or on PATH",
                        known, type_name),
            location));
    }
    if (auto unmet = check_provider_requirement(m_root.requirements, (*created)->schema(), m_registry.origin(type_name)))
        return std::unexpected(*unmet);
    if (log_enabled(LogLevel::Debug)) return std::make_unique<LoggedProvider>(name, std::move(*created));
    return std::move(*created);
}

std::expected<void, Diagnostic> ProviderSet::configure(providers::Provider& provider, const std::string& name,
                                                       const SourceLocation& location) const {
    auto settings = evaluate_provider_settings(m_root, name, provider.schema(), *m_variables, m_workspace);
    if (!settings) return std::unexpected(combine(std::move(settings.error()), location));
    if (auto configured = provider.configure(*settings); !configured) {
        auto declared = m_root.provider_configs.find(name);
        const auto& error = configured.error();
        SourceLocation where = declared == m_root.provider_configs.end() ? location : declared->second.location;
        if (declared != m_root.provider_configs.end() && !error.attribute.empty())
            where = expr::member_location(*declared->second.settings, error.attribute).value_or(where);
        return std::unexpected(make_error(fmt::format("provider `{}`: {}", name, error.summary), error.detail, where));
    }
    return {};
}

Diagnostic provider_diagnostic(const std::string& address, const providers::ProviderError& error,
                               const SourceLocation& location) {
    std::string summary = fmt::format("{}: {}", address, error.summary);
    if (!error.attribute.empty()) summary += fmt::format(" (attribute `{}`)", error.attribute);
    return make_error(std::move(summary), error.detail, location);
}

}  // namespace plinth::plans
