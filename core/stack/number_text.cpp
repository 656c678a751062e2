#include "core/stack/number_text.h"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace plinth {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Advances `i` over digits; returns how many it skipped.
std::size_t skip_digits(std::string_view text, std::size_t& i) {
    std::size_t start = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    return i - start;
}

// True when `text` has the shape [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool has_decimal_shape(std::string_view text) {
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    std::size_t whole = skip_digits(text, i);
    std::size_t fraction = 0;
    if (i < text.size() && text[i] == '.') {
        ++i;
        fraction = skip_digits(text, i);
    }
    if (whole == 0 && fraction == 0) return false;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
        if (skip_digits(text, i) == 0) return false;
    }
    return i == text.size();
}

}  // namespace

std::optional<double> parse_decimal(std::string_view text) {
    if (!has_decimal_shape(text)) return std::nullopt;
    if (text.front() == '+') text.remove_prefix(1);
    double value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

std::optional<double> parse_prefixed_integer(std::string_view text) {
    if (text.size() < 3 || text[0] != '0') return std::nullopt;
    int base = text[1] == 'x' ? 16 : text[1] == 'o' ? 8 : 0;
    if (base == 0) return std::nullopt;
    std::string_view digits = text.substr(2);
    std::uint64_t value = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
    if (error != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
    return static_cast<double>(value);
}

}  // namespace plinth
