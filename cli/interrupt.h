// cli/interrupt.h: turns the first SIGINT/SIGTERM during an apply into a graceful stop (no new
// operations start; running ones finish; state is written), and a second into an immediate exit.
#pragma once

#include <atomic>

namespace plinth::cli {

class InterruptGuard {
public:
    InterruptGuard();
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

    const std::atomic<bool>& stop_flag() const;
};

}  // namespace plinth::cli
