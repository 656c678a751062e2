// core/duration.h: Go-style durations as users write them ("40ms", "3s", "1m30s", "2h", "1.5h"),
// used by time_sleep's create/destroy durations and the `--lock-timeout` option.
#pragma once

#include <chrono>
#include <expected>
#include <string>
#include <string_view>

namespace plinth {

// A sequence of decimal numbers, each with an optional fraction and a unit (ns, us or µs, ms, s,
// m, h). "0" alone needs no unit. Negative durations are refused: nothing in plinth waits for a
// negative time. The error message says what is wrong with `text`.
std::expected<std::chrono::nanoseconds, std::string> parse_duration(std::string_view text);

}  // namespace plinth
