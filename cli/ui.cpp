#include "cli/ui.h"

#include <cstdio>

#include "cli/diagnostic_view.h"
#include "core/version.h"

namespace plinth::cli {
namespace {

// Human text as an event message: without surrounding blank lines.
std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == '\n' || text.front() == ' ')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
    return text;
}

void put(std::FILE* stream, std::string_view bytes) {
    if (!bytes.empty()) std::fwrite(bytes.data(), 1, bytes.size(), stream);
}

}  // namespace

void Ui::write(std::FILE* stream, std::string_view text) {
    std::lock_guard lock(m_mutex);
    put(stdout, m_status.hide());
    if (stream == stderr) std::fflush(stdout);
    put(stream, text);
    std::fflush(stream);
    if (m_status.empty()) return;
    put(stdout, m_status.restore());
    std::fflush(stdout);
}

void Ui::status(std::vector<std::string> lines) {
    if (m_json) return;
    std::lock_guard lock(m_mutex);
    put(stdout, m_status.draw(std::move(lines)));
    std::fflush(stdout);
}

void Ui::out(const std::string& text) {
    if (!m_json) return write(stdout, text);
    if (auto message = trimmed(text); !message.empty()) event("log", "info", message);
}

void Ui::err(const std::string& text) {
    if (!m_json) return write(stderr, text);
    if (auto message = trimmed(text); !message.empty()) event("log", "warn", message);
}

int Ui::reported(Severity severity) const { return severity == Severity::Error ? m_errors : m_warnings; }

void Ui::diagnostics(const Diagnostics& diagnostics) {
    for (const auto& diagnostic : diagnostics) ++(diagnostic.severity == Severity::Error ? m_errors : m_warnings);
    if (diagnostics.empty()) return;
    if (!m_json) return err(render_diagnostics(diagnostics, m_color) + "\n");
    for (const auto& diagnostic : diagnostics) {
        bool error = diagnostic.severity == Severity::Error;
        event("diagnostic", error ? "error" : "warn",
              (error ? "Error: " : "Warning: ") + diagnostic.summary, {{"diagnostic", diagnostic_json(diagnostic)}});
    }
}

void Ui::use_json() {
    m_json = true;
    m_color = false;
    event("version", "info", std::string("plinth ") + k_version, {{"plinth", k_version}, {"ui", "1.0"}});
}

void Ui::event(std::string_view type, std::string_view level, std::string_view message, const JsonEvent& payload) {
    if (!m_json) return;
    JsonEvent line = {{"@level", level},
                      {"@message", message},
                      {"@module", "plinth.ui"},
                      {"@timestamp", json_timestamp(std::chrono::system_clock::now())},
                      {"type", type}};
    for (const auto& [key, value] : payload.items()) line[key] = value;
    write(stdout, line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

}  // namespace plinth::cli
