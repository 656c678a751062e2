#include "cli/live_apply_view.h"

#include "cli/apply_status.h"
#include "cli/apply_view.h"
#include "cli/terminal.h"

namespace plinth::cli {

namespace {
constexpr std::chrono::milliseconds k_frame_interval{100};
}  // namespace

LiveApplyView::LiveApplyView(Ui& ui, std::string_view operation, int total_steps, bool unicode)
    : m_ui(ui), m_operation(operation), m_total(total_steps), m_unicode(unicode),
      m_thread([this](std::stop_token stop) { animate(stop); }) {}

LiveApplyView::~LiveApplyView() {
    m_thread.request_stop();
    m_wake.notify_all();
    m_thread.join();
    m_ui.status({});
}

void LiveApplyView::on_start(const plans::ResourceChange& change, plans::StepKind step) {
    std::lock_guard lock(m_mutex);
    m_running.insert_or_assign({change.address, step}, Running{step_verb(change, step), Clock::now()});
    redraw();
}

void LiveApplyView::on_complete(const plans::ResourceChange& change, plans::StepKind step,
                                std::chrono::duration<double> elapsed, const std::string& id) {
    finish(change, step, completed_line(change, step, elapsed, id, m_ui.color()));
}

void LiveApplyView::on_failed(const plans::ResourceChange& change, plans::StepKind step, const Diagnostic&) {
    finish(change, step, failed_line(change, step, m_ui.color()));
}

void LiveApplyView::finish(const plans::ResourceChange& change, plans::StepKind step, const std::string& line) {
    std::lock_guard lock(m_mutex);
    m_running.erase({change.address, step});
    ++m_done;
    redraw();
    m_ui.out(line);  // above the area, which the Ui draws again below it
}

void LiveApplyView::redraw() {
    auto now = Clock::now();
    ApplyProgress progress{m_operation, m_done, m_total, now - m_started, {}};
    for (const auto& [key, running] : m_running)
        progress.running.push_back({key.first, running.verb, now - running.since});
    TerminalSize size = terminal_size();
    m_ui.status(render_apply_status(progress, {m_tick, m_unicode, size.columns, size.rows}));
}

void LiveApplyView::animate(std::stop_token stop) {
    std::unique_lock lock(m_mutex);
    while (!stop.stop_requested()) {
        // Wakes after a frame, or at once when stop is requested.
        m_wake.wait_for(lock, stop, k_frame_interval, [] { return false; });
        if (stop.stop_requested()) return;
        ++m_tick;
        redraw();
    }
}

}  // namespace plinth::cli
