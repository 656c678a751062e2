// providers/text.h: turning bytes from outside (files, HTTP bodies) into text that state and plans,
// which are JSON, can hold.
#pragma once

#include <string>
#include <string_view>

namespace plinth::providers {

// `bytes` as valid UTF-8: each invalid byte becomes U+FFFD.
std::string to_valid_utf8(std::string_view bytes);

}  // namespace plinth::providers
