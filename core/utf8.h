// core/utf8.h: encoding a Unicode code point as UTF-8 (for escapes such as `\u00e9` in templates
// and `&#233;` in XML).
#pragma once

#include <cstdint>
#include <string>

namespace plinth {

// Appends `code` (at most 0x10FFFF) to `out` as one to four UTF-8 bytes.
void append_utf8(std::string& out, std::uint32_t code);

}  // namespace plinth
