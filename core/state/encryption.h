// core/state/encryption.h: client-side encryption at rest (the root stack's `encryption:` block)
// for state files, journal records and saved plans. A StateCodec turns bytes into an encrypted
// envelope and back; with no keys it is the identity, and refuses to read an encrypted file.
//
// The envelope is one line of JSON (so it also serves as one journal record), fields in this order:
//   {"plinth_encrypted":1,"method":"aes_gcm","key_provider":"pbkdf2","kdf":"pbkdf2_sha512",
//    "iterations":600000,"salt":"<base64>","nonce":"<base64>","ciphertext":"<base64>"}
// `ciphertext` is AES-256-GCM's output followed by its 16-byte tag; every other field is
// authenticated as GCM's additional data. A key from the `env` provider is used as is:
// "kdf":"none", without `iterations` and `salt`. The nonce is fresh for every envelope.
//
// Deriving a key from a passphrase (PBKDF2-HMAC-SHA512, k_pbkdf2_iterations) is slow on purpose,
// so a codec draws one random salt for everything it writes and derives that key once; reading
// derives once per salt met. Both are cached for the codec's life (one run).
#pragma once

#include <expected>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"

namespace plinth {

// Written into every envelope; reading accepts from this up to k_pbkdf2_max_iterations.
inline constexpr unsigned k_pbkdf2_iterations = 600'000;
inline constexpr unsigned k_pbkdf2_max_iterations = 10'000'000;
inline constexpr std::size_t k_salt_bytes = 16;

// A key as configured, once its provider has produced it.
struct EncryptionKey {
    enum class Kind { Passphrase, Raw };
    Kind kind = Kind::Passphrase;
    std::string secret;    // the passphrase, or exactly k_aes_key_bytes raw bytes
    std::string provider;  // the key provider's type, recorded in the header: "pbkdf2", "env"
    std::string role;      // where it is configured, for messages: "key_provider", "fallback"
};

class StateCodec {
public:
    // No encryption.
    StateCodec() = default;
    // `keys` in the order decoding tries them; the first also encrypts. Not empty.
    explicit StateCodec(std::vector<EncryptionKey> keys);
    ~StateCodec();
    StateCodec(const StateCodec&) = delete;
    StateCodec& operator=(const StateCodec&) = delete;

    bool encrypts() const { return !m_keys.empty(); }

    // An envelope line (ending in "\n") holding `plaintext`; `plaintext` itself without keys (moved:
    // a state's text is not copied on its way to the backend).
    std::string encode(std::string plaintext) const;

    // The plaintext of an envelope; bytes that are not one pass unchanged, so a file written
    // before encryption was turned on still reads. An envelope without keys, with a key that does
    // not open it, or altered, is an error naming `origin` (a path). `current` (when given) is
    // set to whether the bytes are as encode() would write them now: encrypted with the first key
    // (plain, for a codec without keys); when not, the file is worth writing again.
    std::expected<std::string, Diagnostic> decode(std::string_view bytes, const std::string& origin,
                                                  bool* current = nullptr) const;
    // The same; bytes that are not an envelope are moved through (a state file of 40 MB was
    // copied, and both were held while the state was parsed).
    std::expected<std::string, Diagnostic> decode(std::string&& bytes, const std::string& origin,
                                                  bool* current = nullptr) const;

private:
    // The AES key of m_keys[index] for `salt` and `iterations`, derived at most once.
    const std::string& derived_key(std::size_t index, const std::string& salt, unsigned iterations) const;
    // Writes use `salt` from now on, unless something was written already.
    void adopt_write_salt(const std::string& salt) const;

    std::vector<EncryptionKey> m_keys;
    // When m_keys[0] is a passphrase: the salt of the first file it opened, so that the key derived
    // to read is the one that writes (PBKDF2 runs once per run, not twice); until then a random
    // salt drawn once. Every write still has its own random nonce.
    mutable std::string m_write_salt;
    mutable bool m_write_salt_adopted = false;
    mutable std::mutex m_mutex;  // guards m_derived and the write salt (encode runs on several threads)
    mutable std::map<std::string, std::string> m_derived;  // "index:iterations:salt" -> key
};

// Whether `bytes` are an envelope (StateCodec::encode's output with keys).
bool is_encrypted(std::string_view bytes);

}  // namespace plinth
