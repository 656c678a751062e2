#include "cli/live_region.h"

#include <fmt/format.h>

namespace plinth::cli {

std::string LiveRegion::draw(std::vector<std::string> lines) {
    std::string bytes = hide();
    m_lines = std::move(lines);
    return bytes + restore();
}

std::string LiveRegion::hide() {
    if (m_shown == 0) return "";
    // Up to the region's first line, to its first column, and erase from there to the end.
    std::string bytes = fmt::format("\x1b[{}A\r\x1b[J", m_shown);
    m_shown = 0;
    return bytes;
}

std::string LiveRegion::restore() {
    std::string bytes = hide();
    for (const auto& line : m_lines) bytes += line + "\n";
    m_shown = m_lines.size();
    return bytes;
}

}  // namespace plinth::cli
