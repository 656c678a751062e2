// core/backends/settings/backend_settings.h: reading a `backend:` block's settings for one backend
// type: unknown keys, required ones, numbers and flags, each error at the setting's
// file:line:column, with environment variables as fallbacks (secrets belong there, not in the
// stack).
#pragma once

#include <chrono>
#include <expected>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/stack/stack.h"

namespace plinth::backends {

class BackendSettings {
public:
    // Errors for every setting of `decl` not among `known` ("did you mean ...").
    static std::expected<BackendSettings, Diagnostic> read(const BackendDecl& decl,
                                                           std::vector<std::string> known);

    // The setting's text, else the first non-empty environment variable of `environment`.
    std::optional<std::string> text(std::string_view name, std::initializer_list<const char*> environment = {}) const;
    // As text(), an error naming the setting and its variables when neither is given.
    std::expected<std::string, Diagnostic> required(std::string_view name,
                                                    std::initializer_list<const char*> environment = {}) const;
    // true/false (also 1/0, yes/no), `fallback` when absent.
    std::expected<bool, Diagnostic> flag(std::string_view name, bool fallback,
                                         std::initializer_list<const char*> environment = {}) const;
    // A whole number in [minimum, maximum], `fallback` when absent.
    std::expected<long, Diagnostic> number(std::string_view name, long fallback, long minimum, long maximum,
                                           std::initializer_list<const char*> environment = {}) const;

    const BackendDecl& decl() const { return m_decl; }

private:
    explicit BackendSettings(const BackendDecl& decl) : m_decl(decl) {}
    SourceLocation location_of(std::string_view name) const;

    const BackendDecl& m_decl;
};

}  // namespace plinth::backends
