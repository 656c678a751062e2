// cli/apply_ticker.h: "still running" reports for apply steps that take long. Every interval
// (10 s, or PLINTH_PROGRESS_INTERVAL such as `1s`) a background thread reports each step that
// has been running for at least that long, with its elapsed time: "Still creating... [10s
// elapsed]" in the terminal, "apply_progress" events under --json.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

#include "plans/apply_observer.h"

namespace plinth::cli {

class ApplyTicker {
public:
    using Report = std::function<void(const plans::ResourceChange&, plans::StepKind, std::chrono::duration<double>)>;

    explicit ApplyTicker(Report report);
    ~ApplyTicker();
    ApplyTicker(const ApplyTicker&) = delete;
    ApplyTicker& operator=(const ApplyTicker&) = delete;

    void started(const plans::ResourceChange& change, plans::StepKind step);
    // How long the step ran.
    std::chrono::duration<double> finished(const plans::ResourceChange& change, plans::StepKind step);

    // PLINTH_PROGRESS_INTERVAL when set to a valid positive duration, else 10 s.
    static std::chrono::milliseconds interval_from_environment();

private:
    struct Running {
        plans::ResourceChange change;
        std::chrono::steady_clock::time_point since;
    };
    void run(std::stop_token stop);

    Report m_report;
    std::chrono::milliseconds m_interval;
    std::mutex m_mutex;
    std::condition_variable_any m_wake;
    std::map<std::pair<std::string, plans::StepKind>, Running> m_running;
    std::jthread m_thread;  // last: started once the rest exists
};

}  // namespace plinth::cli
