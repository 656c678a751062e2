// cli/live_apply_view.h: apply's progress on a terminal: a status area at the bottom (spinner,
// steps done, each step in progress with its elapsed time) redrawn every 100 ms, with each
// completed or failed step printed above it as a line that scrolls up. The area is erased when
// the view ends, before the summary. Only for a terminal: elsewhere ApplyView prints plain lines.
#pragma once

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>

#include "cli/ui.h"
#include "plans/apply_observer.h"

namespace plinth::cli {

class LiveApplyView final : public plans::ApplyObserver {
public:
    // `operation` heads the area ("Applying", "Destroying"); `total_steps` is how many steps the
    // plan runs; `unicode` picks the braille spinner over an ASCII one.
    LiveApplyView(Ui& ui, std::string_view operation, int total_steps, bool unicode);
    ~LiveApplyView() override;
    LiveApplyView(const LiveApplyView&) = delete;
    LiveApplyView& operator=(const LiveApplyView&) = delete;

    void on_start(const plans::ResourceChange& change, plans::StepKind step) override;
    void on_complete(const plans::ResourceChange& change, plans::StepKind step, std::chrono::duration<double> elapsed,
                     const std::string& id) override;
    void on_failed(const plans::ResourceChange& change, plans::StepKind step, const Diagnostic& error) override;

private:
    using Clock = std::chrono::steady_clock;
    struct Running {
        std::string_view verb;
        Clock::time_point since;
    };

    // Draws the area from the steps in progress; the caller holds m_mutex.
    void redraw();
    void finish(const plans::ResourceChange& change, plans::StepKind step, const std::string& line);
    void animate(std::stop_token stop);

    Ui& m_ui;
    std::string m_operation;
    int m_total;
    bool m_unicode;
    Clock::time_point m_started = Clock::now();
    std::mutex m_mutex;
    std::map<std::pair<std::string, plans::StepKind>, Running> m_running;
    int m_done = 0;
    std::size_t m_tick = 0;
    std::condition_variable_any m_wake;
    std::jthread m_thread;  // last: started once the rest exists
};

}  // namespace plinth::cli
