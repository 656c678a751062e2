#include "cli/diagnostic_view.h"

#include <fmt/format.h>
#include <fstream>
#include <set>

#include "cli/terminal.h"

namespace plinth::cli {

namespace {
std::optional<std::vector<std::string>> read_lines(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(std::move(line));
    }
    return lines;
}

// "  12 | source" and the caret line under it, keeping tabs so the caret lines up.
std::string source_excerpt(const SourceLocation& location, const std::string& source, bool color) {
    std::string number = std::to_string(location.line);
    std::string out = fmt::format("\n  {} | {}", number, source);
    if (location.column <= 0) return out;
    std::string gap;
    std::size_t before = std::min<std::size_t>(location.column - 1, source.size());
    for (std::size_t i = 0; i < before; ++i) gap += source[i] == '\t' ? '\t' : ' ';
    return out + fmt::format("\n  {} | {}{}", std::string(number.size(), ' '), gap, bold(red("^", color), color));
}

std::string place(const SourceLocation& location) {
    if (location.column <= 0) return fmt::format("  on {}:{}:", location.file, location.line);
    return fmt::format("  on {}:", location.to_string());
}
}  // namespace

const std::string* SourceCache::line(const std::string& file, int number) {
    auto it = m_files.find(file);
    if (it == m_files.end()) it = m_files.emplace(file, read_lines(file)).first;
    const auto& lines = it->second;
    if (!lines || number < 1 || static_cast<std::size_t>(number) > lines->size()) return nullptr;
    return &(*lines)[number - 1];
}

std::string render_diagnostic(const Diagnostic& diagnostic, bool color, SourceCache& sources) {
    bool error = diagnostic.severity == Severity::Error;
    std::string label = error ? red("Error:", color) : yellow("Warning:", color);
    std::string out = bold(label, color) + " " + bold(diagnostic.summary, color) + "\n";
    const SourceLocation& location = diagnostic.location;
    if (location.known()) {
        out += "\n" + place(location);
        if (const std::string* source = sources.line(location.file.str(), location.line))
            out += source_excerpt(location, *source, color);
        out += "\n";
    }
    if (!diagnostic.detail.empty()) out += (location.known() ? "" : "\n") + diagnostic.detail + "\n";
    out.pop_back();
    return out;
}

std::string render_diagnostic(const Diagnostic& diagnostic, bool color) {
    SourceCache sources;
    return render_diagnostic(diagnostic, color, sources);
}

std::string render_diagnostics(const Diagnostics& diagnostics, bool color) {
    SourceCache sources;
    std::string out;
    std::set<std::string> shown;  // one problem met by many resources (a provider that fails) is shown once
    for (const auto& diagnostic : diagnostics) {
        std::string text = render_diagnostic(diagnostic, color, sources);
        if (!shown.insert(text).second) continue;
        if (!out.empty()) out += "\n\n";
        out += text;
    }
    return out;
}

}  // namespace plinth::cli
