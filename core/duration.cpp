#include "core/duration.h"

#include <array>
#include <cstdint>
#include <fmt/format.h>
#include <limits>
#include <utility>

namespace plinth {

namespace {

using Nanos = std::int64_t;

constexpr std::array<std::pair<std::string_view, Nanos>, 7> k_units{{
    {"ns", 1},
    {"us", 1'000},
    {"µs", 1'000},
    {"ms", 1'000'000},
    {"s", 1'000'000'000},
    {"m", 60'000'000'000},
    {"h", 3'600'000'000'000},
}};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string quoted(std::string_view text) { return fmt::format("\"{}\"", text); }

std::unexpected<std::string> too_long(std::string_view text) {
    return std::unexpected(fmt::format("duration {} is too long", quoted(text)));
}

// One "<number><unit>" term from the front of `rest`, in nanoseconds.
std::expected<Nanos, std::string> take_term(std::string_view& rest, std::string_view text) {
    std::size_t end = 0;
    while (end < rest.size() && (is_digit(rest[end]) || rest[end] == '.')) ++end;
    std::string_view number = rest.substr(0, end);
    std::size_t dot = number.find('.');
    std::string_view whole = number.substr(0, dot);
    std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : number.substr(dot + 1);
    if ((whole.empty() && fraction.empty()) || fraction.find('.') != std::string_view::npos)
        return std::unexpected(fmt::format("invalid duration {}: expected a number", quoted(text)));
    rest.remove_prefix(end);

    std::size_t unit_end = 0;
    while (unit_end < rest.size() && !is_digit(rest[unit_end]) && rest[unit_end] != '.') ++unit_end;
    std::string_view unit = rest.substr(0, unit_end);
    rest.remove_prefix(unit_end);
    if (unit.empty())
        return std::unexpected(fmt::format("missing unit in duration {} (use ns, us, ms, s, m or h)", quoted(text)));
    Nanos scale = 0;
    for (const auto& [name, nanos] : k_units)
        if (name == unit) scale = nanos;
    if (scale == 0)
        return std::unexpected(
            fmt::format("unknown unit \"{}\" in duration {} (use ns, us, ms, s, m or h)", unit, quoted(text)));

    constexpr Nanos k_max = std::numeric_limits<Nanos>::max();
    Nanos value = 0;
    for (char c : whole) {
        if (value > (k_max - (c - '0')) / 10) return too_long(text);
        value = value * 10 + (c - '0');
    }
    if (value > k_max / scale) return too_long(text);
    value *= scale;
    // The fraction contributes at most one `scale`; digits beyond nanosecond precision are dropped.
    Nanos place = scale;
    for (char c : fraction) {
        place /= 10;
        if (value > k_max - (c - '0') * place) return too_long(text);
        value += (c - '0') * place;
    }
    return value;
}

}  // namespace

std::expected<std::chrono::nanoseconds, std::string> parse_duration(std::string_view text) {
    if (text.empty()) return std::unexpected(std::string("empty duration"));
    if (text == "0") return std::chrono::nanoseconds{0};
    if (text.front() == '-') return std::unexpected(fmt::format("negative duration {}", quoted(text)));
    std::string_view rest = text.front() == '+' ? text.substr(1) : text;
    if (rest.empty()) return std::unexpected(fmt::format("invalid duration {}: expected a number", quoted(text)));
    Nanos total = 0;
    while (!rest.empty()) {
        auto term = take_term(rest, text);
        if (!term) return std::unexpected(term.error());
        if (*term > std::numeric_limits<Nanos>::max() - total) return too_long(text);
        total += *term;
    }
    return std::chrono::nanoseconds{total};
}

}  // namespace plinth
