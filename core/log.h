// core/log.h: plinth's own log, for debugging a run (as Terraform's TF_LOG). PLINTH_LOG=error,
// warn, info, debug or trace turns it on at that level and above; PLINTH_LOG_PATH=FILE appends it
// to FILE instead of stderr. Off by default, and then a call costs one atomic load. Lines are
// "2026-11-25T02:40:38.123Z [DEBUG] message"; writers on many threads never interleave a line.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

namespace plinth {

enum class LogLevel { Off, Error, Warn, Info, Debug, Trace };

// "error", "warn", "info", "debug", "trace" (any case); "off" or "" is Off; nullopt otherwise.
std::optional<LogLevel> parse_log_level(std::string_view text);

// True when messages at `level` are written. The first call reads PLINTH_LOG and PLINTH_LOG_PATH
// (an unreadable PLINTH_LOG turns the log on at trace, with a first line saying so).
bool log_enabled(LogLevel level);

// Writes one message (one line; a trailing newline is added) when `level` is enabled.
void log_write(LogLevel level, std::string_view message);

// Formats only when the level is enabled.
template <typename... Args>
void log(LogLevel level, fmt::format_string<Args...> format, Args&&... args) {
    if (log_enabled(level)) log_write(level, fmt::format(format, std::forward<Args>(args)...));
}

// Replaces what the environment said: writes at `level` and above to `path` (appending), or to
// stderr when `path` is empty. For tests and for commands that take a log option.
void configure_log(LogLevel level, const std::filesystem::path& path = {});

}  // namespace plinth
