// core/diagnostics.h: errors and warnings as values. A diagnostic has a severity, a one-line
// summary, an optional detail and, when it comes from a stack, the file:line:column it points at.
// Stages collect every diagnostic they find before failing.
#pragma once

#include <string>
#include <vector>

#include "core/source_file.h"

namespace plinth {

// A place in a stack file. Lines and columns are 1-based; line 0 means "no location".
struct SourceLocation {
    SourceFile file;
    int line = 0;
    int column = 0;

    bool known() const { return line > 0; }
    // "file:line:column", or just the file when line is unknown.
    std::string to_string() const;
};

enum class Severity { Error, Warning };

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string summary;
    std::string detail;
    SourceLocation location;
};

Diagnostic make_error(std::string summary, std::string detail = {}, SourceLocation location = {});
Diagnostic make_warning(std::string summary, std::string detail = {}, SourceLocation location = {});

class Diagnostics {
public:
    Diagnostics() = default;
    Diagnostics(Diagnostic diagnostic) { m_items.push_back(std::move(diagnostic)); }

    void add(Diagnostic diagnostic) { m_items.push_back(std::move(diagnostic)); }
    void add_error(std::string summary, std::string detail = {}, SourceLocation location = {}) {
        add(make_error(std::move(summary), std::move(detail), std::move(location)));
    }
    void append(const Diagnostics& other) { m_items.insert(m_items.end(), other.begin(), other.end()); }
    // Adds `note` as a last line of the detail of every diagnostic from index `first` on.
    void add_note_from(std::size_t first, const std::string& note);

    bool has_errors() const;
    bool empty() const { return m_items.empty(); }
    std::size_t size() const { return m_items.size(); }
    const Diagnostic& operator[](std::size_t i) const { return m_items[i]; }
    std::vector<Diagnostic>::const_iterator begin() const { return m_items.begin(); }
    std::vector<Diagnostic>::const_iterator end() const { return m_items.end(); }

private:
    std::vector<Diagnostic> m_items;
};

// Plain one-diagnostic text: "file:line:col: error: summary" followed by the detail on its own
// lines. Terminal rendering (source line, caret, colour) lives in cli/.
std::string format_diagnostic(const Diagnostic& diagnostic);

}  // namespace plinth
