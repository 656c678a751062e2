// core/state/aes_gcm.h: the two cryptographic primitives of encryption at rest, through OpenSSL's
// EVP interface: AES-256-GCM sealing and opening, and PBKDF2-HMAC-SHA512 key derivation. Nothing
// here is hand-rolled; core/state/encryption.h builds the file format on top.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace plinth {

inline constexpr std::size_t k_aes_key_bytes = 32;    // AES-256
inline constexpr std::size_t k_gcm_nonce_bytes = 12;  // the size GCM is designed for
inline constexpr std::size_t k_gcm_tag_bytes = 16;

// The ciphertext of `plaintext` followed by the 16-byte tag, which authenticates it and `aad`.
// `key` is k_aes_key_bytes long and `nonce` k_gcm_nonce_bytes; a nonce must never be reused with
// the same key. Throws std::runtime_error only when OpenSSL itself fails.
std::string aes_gcm_seal(std::string_view key, std::string_view nonce, std::string_view aad,
                         std::string_view plaintext);

// The plaintext of `sealed` (ciphertext then tag); null when the tag does not verify: a wrong key,
// or a ciphertext, nonce or `aad` that was altered.
std::optional<std::string> aes_gcm_open(std::string_view key, std::string_view nonce, std::string_view aad,
                                        std::string_view sealed);

// A k_aes_key_bytes key from `passphrase` and `salt`. The cost is linear in `iterations`
// (600,000 take about a third of a second), so callers derive once and keep the result.
std::string pbkdf2_sha512(std::string_view passphrase, std::string_view salt, unsigned iterations);

}  // namespace plinth
