#include "cli/apply_status.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>

#include "cli/apply_view.h"

namespace plinth::cli {
namespace {

constexpr std::array<std::string_view, 10> k_braille = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
constexpr std::array<std::string_view, 4> k_ascii = {"|", "/", "-", "\\"};
// Steps listed below the headline at most, however tall the terminal.
constexpr std::size_t k_max_steps_shown = 10;

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::size_t code_points(std::string_view text) {
    return static_cast<std::size_t>(std::ranges::count_if(text, [](char c) { return !is_continuation_byte(c); }));
}

// `line` cut to fewer code points than `columns` (writing into the last column makes some
// terminals wrap), ending in an ellipsis when cut.
std::string fit(std::string line, const StatusFrame& frame) {
    std::size_t limit = frame.columns > 1 ? frame.columns - 1 : 1;
    if (code_points(line) <= limit) return line;
    std::string_view ellipsis = frame.unicode ? "…" : "...";
    std::size_t keep = limit > code_points(ellipsis) ? limit - code_points(ellipsis) : 0;
    std::size_t end = 0;
    for (std::size_t kept = 0; end < line.size(); ++end) {
        if (!is_continuation_byte(line[end]) && kept++ == keep) break;
    }
    line.resize(end);
    return line + std::string(ellipsis);
}

}  // namespace

std::vector<std::string> render_apply_status(const ApplyProgress& progress, const StatusFrame& frame) {
    std::string_view spinner = frame.unicode ? k_braille[frame.tick % k_braille.size()]
                                             : k_ascii[frame.tick % k_ascii.size()];
    std::vector<std::string> lines;
    lines.push_back(fit(fmt::format("{} {}: {} of {} done, {} in progress ({})", spinner, progress.operation,
                                    progress.done, progress.total, progress.running.size(),
                                    format_elapsed(progress.elapsed)),
                        frame));
    std::vector<const StepInProgress*> steps;
    for (const auto& step : progress.running) steps.push_back(&step);
    std::ranges::stable_sort(steps, [](auto* a, auto* b) { return a->elapsed > b->elapsed; });
    // The headline, the listed steps and the "more" line fit the terminal with a line to spare.
    std::size_t room = frame.rows > 3 ? std::min(frame.rows - 3, k_max_steps_shown) : 1;
    std::size_t shown = steps.size() <= room + 1 ? steps.size() : room;
    for (std::size_t i = 0; i < shown; ++i)
        lines.push_back(fit(fmt::format("  {}: {}... [{}]", steps[i]->address, steps[i]->verb,
                                        format_elapsed(steps[i]->elapsed)),
                            frame));
    if (shown < steps.size()) lines.push_back(fit(fmt::format("  and {} more", steps.size() - shown), frame));
    return lines;
}

}  // namespace plinth::cli
