// core/digest.h: hashing, base64 and randomness through OpenSSL, shared by expression functions,
// providers and state (lineage ids). Nothing here is hand-rolled cryptography.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace plinth {

std::string sha1_hex(std::string_view data);
std::string sha256_hex(std::string_view data);
std::string sha512_hex(std::string_view data);
std::string md5_hex(std::string_view data);

std::string base64_encode(std::string_view data);
// Null when `text` is not valid standard base64.
std::optional<std::string> base64_decode(std::string_view text);

// `count` bytes from OpenSSL's CSPRNG.
std::string random_bytes(std::size_t count);
// A uniformly random integer in [low, high].
std::int64_t random_integer(std::int64_t low, std::int64_t high);
// A random (version 4) UUID in its canonical lower-case text form.
std::string random_uuid();

}  // namespace plinth
