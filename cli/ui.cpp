#include "cli/ui.h"

#include <cstdio>

#include "cli/diagnostic_view.h"

namespace plinth::cli {

void Ui::out(const std::string& text) {
    std::lock_guard lock(m_mutex);
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
}

void Ui::err(const std::string& text) {
    std::lock_guard lock(m_mutex);
    std::fflush(stdout);
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
}

void Ui::diagnostics(const Diagnostics& diagnostics) {
    if (diagnostics.empty()) return;
    err(render_diagnostics(diagnostics, m_color) + "\n");
}

}  // namespace plinth::cli
