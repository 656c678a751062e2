#include "core/log.h"

#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <mutex>

namespace plinth {

namespace {

// Indexed by LogLevel: what PLINTH_LOG takes, and what a line shows.
constexpr std::string_view k_level_names[] = {"off", "error", "warn", "info", "debug", "trace"};
constexpr std::string_view k_level_tags[] = {"OFF", "ERROR", "WARN", "INFO", "DEBUG", "TRACE"};

// The sink. `level` is read without the lock on every call; the rest only under `mutex`.
struct LogSink {
    std::atomic<int> level{-1};  // -1: the environment has not been read yet
    std::mutex mutex;
    std::FILE* file = nullptr;  // null means stderr
    std::string file_problem;   // why PLINTH_LOG_PATH could not be opened, said once

    ~LogSink() {
        if (file != nullptr) std::fclose(file);
    }

    // Under `mutex`.
    void open(const std::filesystem::path& path) {
        if (file != nullptr) std::fclose(std::exchange(file, nullptr));
        file_problem.clear();
        if (path.empty()) return;
        file = std::fopen(path.c_str(), "a");
        if (file == nullptr) file_problem = fmt::format("cannot open the log file {}; logging to stderr", path.string());
    }
};

LogSink& sink() {
    static LogSink instance;
    return instance;
}

// UTC with milliseconds: "2026-11-25T02:40:38.123Z".
std::string timestamp() {
    auto now = std::chrono::system_clock::now();
    std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm utc{};
    ::gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
    return fmt::format("{}.{:03}Z", text, millis);
}

void write_line(LogSink& log, LogLevel level, std::string_view message) {
    std::string line = fmt::format("{} [{}] {}\n", timestamp(), k_level_tags[static_cast<int>(level)], message);
    std::FILE* out = log.file != nullptr ? log.file : stderr;
    std::fwrite(line.data(), 1, line.size(), out);
    std::fflush(out);
}

void read_environment(LogSink& log) {
    std::lock_guard lock(log.mutex);
    if (log.level.load() >= 0) return;
    const char* text = std::getenv("PLINTH_LOG");
    auto level = parse_log_level(text == nullptr ? "" : text);
    if (level.value_or(LogLevel::Trace) != LogLevel::Off) {
        const char* path = std::getenv("PLINTH_LOG_PATH");
        log.open(path == nullptr ? "" : path);
    }
    log.level.store(static_cast<int>(level.value_or(LogLevel::Trace)));
    if (!log.file_problem.empty()) write_line(log, LogLevel::Warn, log.file_problem);
    if (!level) write_line(log, LogLevel::Warn, fmt::format("PLINTH_LOG={} is not a level (error, warn, info, debug, trace); logging everything", text));
}

}  // namespace

std::optional<LogLevel> parse_log_level(std::string_view text) {
    std::string lower;
    for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.empty()) return LogLevel::Off;
    for (int i = 0; i < static_cast<int>(std::size(k_level_names)); ++i)
        if (lower == k_level_names[i]) return static_cast<LogLevel>(i);
    return std::nullopt;
}

bool log_enabled(LogLevel level) {
    LogSink& log = sink();
    int current = log.level.load(std::memory_order_relaxed);
    if (current < 0) {
        read_environment(log);
        current = log.level.load();
    }
    return level != LogLevel::Off && static_cast<int>(level) <= current;
}

void log_write(LogLevel level, std::string_view message) {
    if (!log_enabled(level)) return;
    LogSink& log = sink();
    std::lock_guard lock(log.mutex);
    write_line(log, level, message);
}

void configure_log(LogLevel level, const std::filesystem::path& path) {
    LogSink& log = sink();
    std::lock_guard lock(log.mutex);
    log.open(path);
    log.level.store(static_cast<int>(level));
    if (!log.file_problem.empty()) write_line(log, LogLevel::Warn, log.file_problem);
}

}  // namespace plinth
