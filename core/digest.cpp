#include "core/digest.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <fmt/format.h>
#include <stdexcept>

namespace plinth {

namespace {
std::string hex_digest(const EVP_MD* md, std::string_view data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(data.data(), data.size(), digest, &length, md, nullptr) != 1)
        throw std::runtime_error("OpenSSL digest failed");
    std::string out;
    out.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) out += fmt::format("{:02x}", digest[i]);
    return out;
}
}  // namespace

std::string sha1_hex(std::string_view data) { return hex_digest(EVP_sha1(), data); }
std::string sha256_hex(std::string_view data) { return hex_digest(EVP_sha256(), data); }
std::string sha512_hex(std::string_view data) { return hex_digest(EVP_sha512(), data); }
std::string md5_hex(std::string_view data) { return hex_digest(EVP_md5(), data); }

std::string base64_encode(std::string_view data) {
    std::string out(4 * ((data.size() + 2) / 3), '\0');
    int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(data.data()),
                                  static_cast<int>(data.size()));
    out.resize(static_cast<std::size_t>(written));
    return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
    if (text.size() % 4 != 0) return std::nullopt;
    std::string out(3 * text.size() / 4, '\0');
    int written = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(text.data()),
                                  static_cast<int>(text.size()));
    if (written < 0) return std::nullopt;
    // EVP_DecodeBlock counts padding as zero bytes; drop one byte per '='.
    std::size_t padding = 0;
    for (auto it = text.rbegin(); it != text.rend() && *it == '='; ++it) ++padding;
    out.resize(static_cast<std::size_t>(written) - padding);
    return out;
}

std::string random_bytes(std::size_t count) {
    std::string out(count, '\0');
    if (count > 0 && RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(count)) != 1)
        throw std::runtime_error("OpenSSL RAND_bytes failed");
    return out;
}

std::int64_t random_integer(std::int64_t low, std::int64_t high) {
    if (high <= low) return low;
    auto span = static_cast<std::uint64_t>(high - low) + 1;
    // Rejection sampling avoids modulo bias.
    std::uint64_t limit = span == 0 ? 0 : UINT64_MAX - (UINT64_MAX % span);
    for (;;) {
        std::uint64_t r = 0;
        std::string bytes = random_bytes(sizeof r);
        for (unsigned char c : bytes) r = (r << 8) | c;
        if (span == 0) return low + static_cast<std::int64_t>(r);
        if (r < limit) return low + static_cast<std::int64_t>(r % span);
    }
}

std::string random_uuid() {
    std::string b = random_bytes(16);
    b[6] = static_cast<char>((b[6] & 0x0f) | 0x40);
    b[8] = static_cast<char>((b[8] & 0x3f) | 0x80);
    std::string hex;
    for (unsigned char c : b) hex += fmt::format("{:02x}", c);
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
           hex.substr(16, 4) + "-" + hex.substr(20);
}

}  // namespace plinth
