// cli/apply_status.h: the lines of apply's live status area on a terminal: a spinner with how
// many steps are done and the time so far, then each step in progress (longest running first)
// with its elapsed time, cut to the terminal's width and height.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace plinth::cli {

struct StepInProgress {
    std::string address;
    std::string_view verb;  // "creating", "modifying" or "destroying"
    std::chrono::duration<double> elapsed;
};

struct ApplyProgress {
    std::string_view operation;  // "Applying" or "Destroying"
    int done = 0;
    int total = 0;
    std::chrono::duration<double> elapsed;
    std::vector<StepInProgress> running;
};

struct StatusFrame {
    std::size_t tick = 0;  // which spinner frame
    bool unicode = false;  // braille spinner and an ellipsis, else ASCII
    std::size_t columns = 80;
    std::size_t rows = 24;
};

std::vector<std::string> render_apply_status(const ApplyProgress& progress, const StatusFrame& frame);

}  // namespace plinth::cli
