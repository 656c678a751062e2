// cli/live_region.h: the bottom lines of a terminal that are redrawn in place (apply's status
// area). It produces the bytes to write: drawing new lines over the old ones, and erasing them so
// that ordinary output can be written where they were and scroll up, then drawing them again
// below it. The cursor always ends at the start of the line after the region.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace plinth::cli {

class LiveRegion {
public:
    // Replaces what is drawn with `lines` (each narrower than the terminal, without newlines);
    // no lines erases the region and forgets it.
    std::string draw(std::vector<std::string> lines);
    // Erases the region from the screen but remembers its lines for restore().
    std::string hide();
    // Draws the remembered lines again below whatever was written since hide().
    std::string restore();

    bool empty() const { return m_lines.empty(); }

private:
    std::vector<std::string> m_lines;
    std::size_t m_shown = 0;  // how many of them are on the screen now
};

}  // namespace plinth::cli
