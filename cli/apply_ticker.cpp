#include "cli/apply_ticker.h"

#include <cstdlib>
#include <vector>

#include "core/duration.h"

namespace plinth::cli {

ApplyTicker::ApplyTicker(Report report)
    : m_report(std::move(report)), m_interval(interval_from_environment()),
      m_thread([this](std::stop_token stop) { run(stop); }) {}

ApplyTicker::~ApplyTicker() {
    m_thread.request_stop();
    m_wake.notify_all();
}

std::chrono::milliseconds ApplyTicker::interval_from_environment() {
    constexpr std::chrono::seconds k_default{10};
    const char* text = std::getenv("PLINTH_PROGRESS_INTERVAL");
    if (text == nullptr || *text == '\0') return k_default;
    auto parsed = parse_duration(text);
    if (!parsed || parsed->count() <= 0) return k_default;
    return std::max(std::chrono::duration_cast<std::chrono::milliseconds>(*parsed), std::chrono::milliseconds{100});
}

void ApplyTicker::started(const plans::ResourceChange& change, plans::StepKind step) {
    std::lock_guard lock(m_mutex);
    m_running.insert_or_assign({change.address, step}, Running{change, std::chrono::steady_clock::now()});
}

std::chrono::duration<double> ApplyTicker::finished(const plans::ResourceChange& change, plans::StepKind step) {
    std::lock_guard lock(m_mutex);
    auto running = m_running.find({change.address, step});
    if (running == m_running.end()) return std::chrono::duration<double>::zero();
    std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - running->second.since;
    m_running.erase(running);
    return elapsed;
}

void ApplyTicker::run(std::stop_token stop) {
    std::unique_lock lock(m_mutex);
    while (true) {
        // Wakes after the interval, or at once when stop is requested.
        m_wake.wait_for(lock, stop, m_interval, [] { return false; });
        if (stop.stop_requested()) return;
        auto now = std::chrono::steady_clock::now();
        std::vector<std::pair<Running, plans::StepKind>> due;
        for (const auto& [key, running] : m_running)
            if (now - running.since >= m_interval) due.emplace_back(running, key.second);
        lock.unlock();
        for (const auto& [running, step] : due) m_report(running.change, step, now - running.since);
        lock.lock();
    }
}

}  // namespace plinth::cli
