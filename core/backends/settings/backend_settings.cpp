#include "core/backends/settings/backend_settings.h"

#include <cstdlib>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/name_suggestion.h"

namespace plinth::backends {

std::expected<BackendSettings, Diagnostic> BackendSettings::read(const BackendDecl& decl,
                                                                 std::vector<std::string> known) {
    for (const auto& [name, setting] : decl.settings) {
        if (std::find(known.begin(), known.end(), name) != known.end()) continue;
        std::string hint = did_you_mean(name, known);
        return std::unexpected(make_error(fmt::format("unknown setting `{}` for the {} backend", name, decl.type),
                                          hint.empty() ? fmt::format("valid settings: {}", fmt::join(known, ", "))
                                                       : hint,
                                          setting.location));
    }
    return BackendSettings(decl);
}

SourceLocation BackendSettings::location_of(std::string_view name) const {
    auto it = m_decl.settings.find(std::string(name));
    return it == m_decl.settings.end() ? m_decl.location : it->second.location;
}

std::optional<std::string> BackendSettings::text(std::string_view name,
                                                 std::initializer_list<const char*> environment) const {
    if (auto it = m_decl.settings.find(std::string(name)); it != m_decl.settings.end()) return it->second.text;
    for (const char* variable : environment)
        if (const char* value = std::getenv(variable); value && *value) return std::string(value);
    return std::nullopt;
}

std::expected<std::string, Diagnostic> BackendSettings::required(std::string_view name,
                                                                 std::initializer_list<const char*> environment) const {
    if (auto value = text(name, environment)) return *value;
    std::string fallbacks;
    for (const char* variable : environment) fallbacks += fmt::format(" or the {} environment variable", variable);
    return std::unexpected(make_error(fmt::format("the {} backend needs `{}`", m_decl.type, name),
                                      fmt::format("set `{}` in the `backend:` block{}", name, fallbacks),
                                      m_decl.location));
}

std::expected<bool, Diagnostic> BackendSettings::flag(std::string_view name, bool fallback,
                                                      std::initializer_list<const char*> environment) const {
    auto value = text(name, environment);
    if (!value) return fallback;
    if (*value == "true" || *value == "1" || *value == "yes") return true;
    if (*value == "false" || *value == "0" || *value == "no") return false;
    return std::unexpected(make_error(fmt::format("backend setting `{}` must be true or false, not `{}`", name, *value),
                                      {}, location_of(name)));
}

std::expected<long, Diagnostic> BackendSettings::number(std::string_view name, long fallback, long minimum,
                                                        long maximum,
                                                        std::initializer_list<const char*> environment) const {
    auto value = text(name, environment);
    if (!value) return fallback;
    char* end = nullptr;
    errno = 0;
    long number = std::strtol(value->c_str(), &end, 10);
    if (value->empty() || *end != '\0' || errno != 0 || number < minimum || number > maximum)
        return std::unexpected(make_error(fmt::format("backend setting `{}` must be a whole number from {} to {}, not "
                                                      "`{}`",
                                                      name, minimum, maximum, *value),
                                          {}, location_of(name)));
    return number;
}

}  // namespace plinth::backends
