// cli/diagnostic_view.h: diagnostics as the terminal shows them: "Error:" or "Warning:" and the
// summary, the place (when its line is known) with its source line and a caret under the column,
// then the detail.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"

namespace plinth::cli {

// The lines of the files diagnostics point at, each file read once. A file that cannot be read
// is remembered as such.
class SourceCache {
public:
    // Line `number` (1-based) of `file`, without its line ending; null when there is none.
    const std::string* line(const std::string& file, int number);

private:
    std::map<std::string, std::optional<std::vector<std::string>>> m_files;
};

// One diagnostic, without a trailing newline.
std::string render_diagnostic(const Diagnostic& diagnostic, bool color, SourceCache& sources);
std::string render_diagnostic(const Diagnostic& diagnostic, bool color);
// All of them, separated by blank lines, without a trailing newline.
std::string render_diagnostics(const Diagnostics& diagnostics, bool color);

}  // namespace plinth::cli
