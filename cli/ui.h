// cli/ui.h: where commands write: human text to stdout, diagnostics to stderr with source lines
// and carets, colour only when stdout is a terminal and nobody said NO_COLOR / --no-color.
// Thread-safe, because apply progress arrives from walker threads.
#pragma once

#include <mutex>
#include <string>

#include "core/diagnostics.h"

namespace plinth::cli {

class Ui {
public:
    explicit Ui(bool color) : m_color(color) {}

    bool color() const { return m_color; }
    // Writes `text` to stdout as is (add the newline yourself).
    void out(const std::string& text);
    void err(const std::string& text);
    void diagnostics(const Diagnostics& diagnostics);
    void diagnostic(const Diagnostic& diagnostic) { diagnostics(Diagnostics(diagnostic)); }

private:
    bool m_color;
    std::mutex m_mutex;
};

}  // namespace plinth::cli
