// core/stack/number_text.h: strict reading of numbers written as text, shared by YAML scalar
// typing and by variable conversion ("3", "-1.5e3"; never "inf", "nan" or trailing junk).
#pragma once

#include <optional>
#include <string_view>

namespace plinth {

// A decimal number: optional sign, digits with an optional fraction (or a fraction alone, ".5"),
// optional exponent. Null when `text` is anything else or the value is not finite.
std::optional<double> parse_decimal(std::string_view text);

// A YAML 1.2 core-schema integer in another base: "0x1F" or "0o17". Null otherwise.
std::optional<double> parse_prefixed_integer(std::string_view text);

}  // namespace plinth
