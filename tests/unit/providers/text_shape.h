// tests/unit/providers/text_shape.h: checks of the shape of generated text (ids, timestamps),
// without std::regex.
#pragma once

#include <string_view>

namespace plinth::testing {

constexpr std::string_view k_hex_digits = "0123456789abcdef";
constexpr std::string_view k_decimal_digits = "0123456789";

inline bool consists_of(std::string_view text, std::string_view alphabet) {
    return text.find_first_not_of(alphabet) == std::string_view::npos;
}

// A non-negative decimal number without leading zeros.
inline bool is_decimal(std::string_view text) {
    return !text.empty() && consists_of(text, k_decimal_digits) && (text == "0" || text[0] != '0');
}

// `text` matches `pattern`, where '#' stands for any character of `alphabet` and every other
// character stands for itself.
inline bool matches_pattern(std::string_view text, std::string_view pattern, std::string_view alphabet) {
    if (text.size() != pattern.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        bool ok = pattern[i] == '#' ? alphabet.find(text[i]) != std::string_view::npos : text[i] == pattern[i];
        if (!ok) return false;
    }
    return true;
}

}  // namespace plinth::testing
