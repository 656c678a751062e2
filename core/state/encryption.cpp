#include "core/state/encryption.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>
#include <openssl/crypto.h>

#include "core/digest.h"
#include "core/state/aes_gcm.h"

namespace plinth {

namespace {

using Json = nlohmann::json;
// Written in declaration order, so the marker comes first and is_encrypted() can look for it.
using OrderedJson = nlohmann::ordered_json;

constexpr std::string_view k_marker = R"({"plinth_encrypted":)";
constexpr int k_envelope_version = 1;
constexpr const char* k_method = "aes_gcm";
constexpr const char* k_kdf_pbkdf2 = "pbkdf2_sha512";
constexpr const char* k_kdf_none = "none";
constexpr const char* k_docs = "see \"Encryption at rest\" in docs/stack-language.md";

// The envelope's fields, binary ones decoded.
struct Envelope {
    std::string key_provider;
    std::string kdf;
    unsigned iterations = 0;  // with kdf pbkdf2_sha512 only
    std::string salt;         // likewise
    std::string nonce;
    std::string ciphertext;  // with the tag at its end
};

const char* kdf_of(const EncryptionKey& key) {
    return key.kind == EncryptionKey::Kind::Passphrase ? k_kdf_pbkdf2 : k_kdf_none;
}

// Every field but the ciphertext, in a fixed form: GCM authenticates it with the ciphertext.
std::string additional_data(const Envelope& envelope) {
    return fmt::format("plinth_encrypted={};method={};key_provider={};kdf={};iterations={};salt={};nonce={}",
                       k_envelope_version, k_method, envelope.key_provider, envelope.kdf, envelope.iterations,
                       base64_encode(envelope.salt), base64_encode(envelope.nonce));
}

std::string envelope_line(const Envelope& envelope) {
    OrderedJson json = {{"plinth_encrypted", k_envelope_version},
                        {"method", k_method},
                        {"key_provider", envelope.key_provider},
                        {"kdf", envelope.kdf}};
    if (envelope.kdf == k_kdf_pbkdf2) {
        json["iterations"] = envelope.iterations;
        json["salt"] = base64_encode(envelope.salt);
    }
    json["nonce"] = base64_encode(envelope.nonce);
    json["ciphertext"] = base64_encode(envelope.ciphertext);
    return json.dump() + "\n";
}

// Reads the fields of an envelope, remembering the first problem.
class EnvelopeReader {
public:
    explicit EnvelopeReader(const Json& json) : m_json(json) {}

    std::string text(const char* key) {
        auto it = m_json.find(key);
        if (it != m_json.end() && it->is_string()) return it->get<std::string>();
        fail(fmt::format("\"{}\" is missing or is not a string", key));
        return {};
    }
    std::string binary(const char* key, std::size_t size) {
        std::string encoded = text(key);
        auto decoded = base64_decode(encoded);
        if (decoded && (size == 0 || decoded->size() == size)) return std::move(*decoded);
        fail(fmt::format("\"{}\" is not base64 of {}", key, size == 0 ? std::string("bytes") : fmt::format("{} bytes", size)));
        return {};
    }
    unsigned iterations() {
        auto it = m_json.find("iterations");
        if (it != m_json.end() && it->is_number_unsigned() && *it >= k_pbkdf2_iterations &&
            *it <= k_pbkdf2_max_iterations)
            return it->get<unsigned>();
        fail(fmt::format("\"iterations\" is missing or not between {} and {}", k_pbkdf2_iterations,
                         k_pbkdf2_max_iterations));
        return 0;
    }
    const std::string& problem() const { return m_problem; }

private:
    void fail(std::string problem) {
        if (m_problem.empty()) m_problem = std::move(problem);
    }
    const Json& m_json;
    std::string m_problem;
};

std::expected<Envelope, Diagnostic> parse_envelope(std::string_view bytes, const std::string& origin) {
    auto unreadable = [&](std::string summary, std::string detail) {
        return std::unexpected(make_error(std::move(summary), std::move(detail), SourceLocation{origin}));
    };
    Json json = Json::parse(bytes, nullptr, false);
    if (!json.is_object())
        return unreadable(fmt::format("{} is a damaged encrypted file", origin), "Its envelope is not a JSON object.");
    auto version = json.find("plinth_encrypted");
    auto method = json.find("method");
    if (version == json.end() || *version != k_envelope_version || method == json.end() || *method != k_method)
        return unreadable(fmt::format("{} is encrypted in a form this plinth cannot read", origin),
                          fmt::format("This plinth reads envelope version {} with method `{}`; it was written by "
                                      "another version of plinth.",
                                      k_envelope_version, k_method));
    EnvelopeReader read(json);
    Envelope envelope;
    envelope.key_provider = read.text("key_provider");
    envelope.kdf = read.text("kdf");
    if (envelope.kdf == k_kdf_pbkdf2) {
        envelope.iterations = read.iterations();
        envelope.salt = read.binary("salt", 0);
    } else if (envelope.kdf != k_kdf_none && read.problem().empty()) {
        return unreadable(fmt::format("{} is encrypted in a form this plinth cannot read", origin),
                          fmt::format("Its key derivation `{}` is unknown; this plinth knows `{}` and `{}`.",
                                      envelope.kdf, k_kdf_pbkdf2, k_kdf_none));
    }
    envelope.nonce = read.binary("nonce", k_gcm_nonce_bytes);
    envelope.ciphertext = read.binary("ciphertext", 0);
    if (!read.problem().empty()) return unreadable(fmt::format("{} is a damaged encrypted file", origin), read.problem() + ".");
    return envelope;
}

void wipe(std::string& secret) { OPENSSL_cleanse(secret.data(), secret.size()); }

}  // namespace

bool is_encrypted(std::string_view bytes) {
    std::size_t start = bytes.find_first_not_of(" \t\r\n");
    return start != std::string_view::npos && bytes.substr(start).starts_with(k_marker);
}

StateCodec::StateCodec(std::vector<EncryptionKey> keys) : m_keys(std::move(keys)), m_write_salt(random_bytes(k_salt_bytes)) {}

StateCodec::~StateCodec() {
    for (auto& key : m_keys) wipe(key.secret);
    for (auto& [id, key] : m_derived) wipe(key);
}

const std::string& StateCodec::derived_key(std::size_t index, const std::string& salt, unsigned iterations) const {
    std::string id = fmt::format("{}:{}:{}", index, iterations, base64_encode(salt));
    std::lock_guard lock(m_mutex);
    auto it = m_derived.find(id);
    if (it == m_derived.end()) it = m_derived.emplace(id, pbkdf2_sha512(m_keys[index].secret, salt, iterations)).first;
    return it->second;
}

void StateCodec::adopt_write_salt(const std::string& salt) const {
    std::lock_guard lock(m_mutex);
    if (m_write_salt_adopted) return;
    m_write_salt = salt;
    m_write_salt_adopted = true;
}

std::string StateCodec::encode(std::string plaintext) const {
    if (m_keys.empty()) return plaintext;
    const EncryptionKey& key = m_keys.front();
    Envelope envelope{key.provider, kdf_of(key), 0, {}, random_bytes(k_gcm_nonce_bytes), {}};
    bool derived = key.kind == EncryptionKey::Kind::Passphrase;
    if (derived) {
        envelope.iterations = k_pbkdf2_iterations;
        std::lock_guard lock(m_mutex);
        m_write_salt_adopted = true;  // from now on every write uses the same salt
        envelope.salt = m_write_salt;
    }
    const std::string& aes_key = derived ? derived_key(0, envelope.salt, k_pbkdf2_iterations) : key.secret;
    envelope.ciphertext = aes_gcm_seal(aes_key, envelope.nonce, additional_data(envelope), plaintext);
    return envelope_line(envelope);
}

std::expected<std::string, Diagnostic> StateCodec::decode(std::string&& bytes, const std::string& origin,
                                                          bool* current) const {
    if (is_encrypted(bytes)) return decode(std::string_view(bytes), origin, current);
    if (current) *current = m_keys.empty();
    return std::move(bytes);
}

std::expected<std::string, Diagnostic> StateCodec::decode(std::string_view bytes, const std::string& origin,
                                                          bool* current) const {
    bool encrypted = is_encrypted(bytes);
    if (current) *current = encrypted != m_keys.empty();
    if (!encrypted) return std::string(bytes);
    auto envelope = parse_envelope(bytes, origin);
    if (!envelope) return std::unexpected(std::move(envelope.error()));
    const SourceLocation where{origin};
    if (m_keys.empty())
        return std::unexpected(make_error(
            fmt::format("{} is encrypted; configure `encryption:`", origin),
            fmt::format("It was encrypted with a key from key provider `{}`, and the stack declares no `encryption:` "
                        "block to read it with. Add one with that key ({}).",
                        envelope->key_provider, k_docs),
            where));
    std::vector<std::string> tried;
    for (std::size_t i = 0; i < m_keys.size(); ++i) {
        const EncryptionKey& key = m_keys[i];
        if (key.provider != envelope->key_provider || kdf_of(key) != envelope->kdf) continue;
        tried.push_back(fmt::format("`{}` ({})", key.role, key.provider));
        const std::string& aes_key = key.kind == EncryptionKey::Kind::Passphrase
                                         ? derived_key(i, envelope->salt, envelope->iterations)
                                         : key.secret;
        if (auto plaintext = aes_gcm_open(aes_key, envelope->nonce, additional_data(*envelope), envelope->ciphertext)) {
            if (current) *current = i == 0;
            if (i == 0 && key.kind == EncryptionKey::Kind::Passphrase && envelope->iterations == k_pbkdf2_iterations)
                adopt_write_salt(envelope->salt);
            return std::move(*plaintext);
        }
    }
    if (tried.empty())
        return std::unexpected(make_error(
            fmt::format("cannot decrypt {}", origin),
            fmt::format("It was encrypted with a key from key provider `{}`, and `encryption:` configures none. "
                        "When changing keys, keep the old one as `fallback:` until every file is rewritten ({}).",
                        envelope->key_provider, k_docs),
            where));
    return std::unexpected(make_error(
        fmt::format("cannot decrypt {}", origin),
        fmt::format("The key of {} does not open it: the passphrase or key is wrong, or the file was altered "
                    "after it was written.",
                    fmt::join(tried, " and of ")),
        where));
}

}  // namespace plinth
