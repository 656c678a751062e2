#include "core/state/aes_gcm.h"

#include <memory>
#include <stdexcept>

#include <openssl/evp.h>

namespace plinth {

namespace {

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

const unsigned char* bytes(std::string_view text) { return reinterpret_cast<const unsigned char*>(text.data()); }
unsigned char* bytes(std::string& text) { return reinterpret_cast<unsigned char*>(text.data()); }
int length(std::string_view text) { return static_cast<int>(text.size()); }

void check(int rc, const char* what) {
    if (rc != 1) throw std::runtime_error(std::string("OpenSSL: ") + what + " failed");
}

// A context initialised for `encrypt` (or decrypt) with `key`, `nonce`, and `aad` fed in.
CipherContext start(bool encrypt, std::string_view key, std::string_view nonce, std::string_view aad) {
    if (key.size() != k_aes_key_bytes || nonce.size() != k_gcm_nonce_bytes)
        throw std::invalid_argument("AES-256-GCM needs a 32-byte key and a 12-byte nonce");
    CipherContext context(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    if (!context) throw std::runtime_error("OpenSSL AES-256-GCM: out of memory");
    check(EVP_CipherInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr, encrypt ? 1 : 0), "AES-256-GCM init");
    check(EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_IVLEN, length(nonce), nullptr), "nonce length");
    check(EVP_CipherInit_ex(context.get(), nullptr, nullptr, bytes(key), bytes(nonce), -1), "key");
    int ignored = 0;
    if (!aad.empty()) check(EVP_CipherUpdate(context.get(), nullptr, &ignored, bytes(aad), length(aad)), "aad");
    return context;
}

}  // namespace

std::string aes_gcm_seal(std::string_view key, std::string_view nonce, std::string_view aad,
                         std::string_view plaintext) {
    CipherContext context = start(true, key, nonce, aad);
    std::string sealed(plaintext.size() + k_gcm_tag_bytes, '\0');
    int written = 0;
    check(EVP_EncryptUpdate(context.get(), bytes(sealed), &written, bytes(plaintext), length(plaintext)), "encrypt");
    int tail = 0;
    check(EVP_EncryptFinal_ex(context.get(), bytes(sealed) + written, &tail), "finish");
    std::size_t body = static_cast<std::size_t>(written + tail);
    check(EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(k_gcm_tag_bytes),
                              bytes(sealed) + body),
          "tag");
    sealed.resize(body + k_gcm_tag_bytes);
    return sealed;
}

std::optional<std::string> aes_gcm_open(std::string_view key, std::string_view nonce, std::string_view aad,
                                        std::string_view sealed) {
    if (sealed.size() < k_gcm_tag_bytes) return std::nullopt;
    std::string_view ciphertext = sealed.substr(0, sealed.size() - k_gcm_tag_bytes);
    std::string tag(sealed.substr(ciphertext.size()));
    CipherContext context = start(false, key, nonce, aad);
    std::string plaintext(ciphertext.size(), '\0');
    int written = 0;
    check(EVP_DecryptUpdate(context.get(), bytes(plaintext), &written, bytes(ciphertext), length(ciphertext)),
          "decrypt");
    check(EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, length(tag), bytes(tag)), "tag");
    int tail = 0;
    if (EVP_DecryptFinal_ex(context.get(), bytes(plaintext) + written, &tail) != 1) return std::nullopt;
    plaintext.resize(static_cast<std::size_t>(written + tail));
    return plaintext;
}

std::string pbkdf2_sha512(std::string_view passphrase, std::string_view salt, unsigned iterations) {
    std::string key(k_aes_key_bytes, '\0');
    check(PKCS5_PBKDF2_HMAC(passphrase.data(), length(passphrase), bytes(salt), length(salt),
                            static_cast<int>(iterations), EVP_sha512(), length(key), bytes(key)),
          "PBKDF2-HMAC-SHA512");
    return key;
}

}  // namespace plinth
