// cli/ui.h: where commands write: human text to stdout, diagnostics to stderr with source lines
// and carets, colour only when stdout is a terminal and nobody said NO_COLOR / --no-color. With
// `--json` every write becomes one JSON event line on stdout instead (docs/json-output.md). On a
// terminal it can keep a status area below everything else (apply's progress), which every
// write goes above. Thread-safe, because apply progress arrives from walker threads.
#pragma once

#include <atomic>
#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "cli/json_events.h"
#include "cli/live_region.h"
#include "core/diagnostics.h"

namespace plinth::cli {

class Ui {
public:
    explicit Ui(bool color) : m_color(color) {}

    bool color() const { return m_color; }
    // Writes `text` to stdout as is (add the newline yourself); a "log" event under --json.
    void out(const std::string& text);
    // Writes `text` to stderr; a "log" event at level "warn" under --json.
    void err(const std::string& text);
    void diagnostics(const Diagnostics& diagnostics);
    void diagnostic(const Diagnostic& diagnostic) { diagnostics(Diagnostics(diagnostic)); }
    // How many diagnostics of `severity` were written so far.
    int reported(Severity severity) const;

    // Replaces the status area at the bottom of the terminal with `lines` (whole lines, narrower
    // than the terminal); no lines removes it. Only for a terminal (see use_live_output), and
    // never under --json.
    void status(std::vector<std::string> lines);

    // From now on every write is an event line (`--json`), starting with the "version" event.
    void use_json();
    bool json() const { return m_json; }
    // One event line: @level, @message, @module, @timestamp and type, then `payload`'s members.
    // Only under --json; human output ignores it.
    void event(std::string_view type, std::string_view level, std::string_view message,
               const JsonEvent& payload = JsonEvent::object());

private:
    void write(std::FILE* stream, std::string_view text);

    bool m_color;
    bool m_json = false;
    std::atomic<int> m_errors = 0;
    std::atomic<int> m_warnings = 0;
    LiveRegion m_status;
    std::mutex m_mutex;
};

}  // namespace plinth::cli
