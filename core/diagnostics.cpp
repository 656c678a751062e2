#include "core/diagnostics.h"

#include <algorithm>
#include <fmt/format.h>

namespace plinth {

std::string SourceLocation::to_string() const {
    if (!known()) return file.str();
    return fmt::format("{}:{}:{}", file, line, column);
}

Diagnostic make_error(std::string summary, std::string detail, SourceLocation location) {
    return Diagnostic{Severity::Error, std::move(summary), std::move(detail), std::move(location)};
}

Diagnostic make_warning(std::string summary, std::string detail, SourceLocation location) {
    return Diagnostic{Severity::Warning, std::move(summary), std::move(detail), std::move(location)};
}

bool Diagnostics::has_errors() const {
    return std::any_of(m_items.begin(), m_items.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

std::string format_diagnostic(const Diagnostic& diagnostic) {
    std::string out;
    std::string where = diagnostic.location.to_string();
    if (!where.empty()) out += where + ": ";
    out += diagnostic.severity == Severity::Error ? "error: " : "warning: ";
    out += diagnostic.summary;
    if (!diagnostic.detail.empty()) out += "\n  " + diagnostic.detail;
    return out;
}

void Diagnostics::add_note_from(std::size_t first, const std::string& note) {
    for (std::size_t i = first; i < m_items.size(); ++i)
        m_items[i].detail = m_items[i].detail.empty() ? note : m_items[i].detail + "\n" + note;
}

}  // namespace plinth
