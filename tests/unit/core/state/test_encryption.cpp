#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/digest.h"
#include "core/state/aes_gcm.h"
#include "core/state/encryption.h"

using namespace plinth;

namespace {

const std::string k_secret_state = R"({"format_version": 1, "resources": [{"password": "hunter2-canary"}]})";

EncryptionKey passphrase(std::string secret, std::string role = "key_provider") {
    return EncryptionKey{EncryptionKey::Kind::Passphrase, std::move(secret), "pbkdf2", std::move(role)};
}

EncryptionKey raw_key(std::string role = "key_provider") {
    return EncryptionKey{EncryptionKey::Kind::Raw, random_bytes(k_aes_key_bytes), "env", std::move(role)};
}

std::string hex(const std::string& bytes) {
    std::string out;
    for (unsigned char c : bytes) out += fmt::format("{:02x}", c);
    return out;
}

// Ordered, so that a changed envelope keeps its marker first, as a byte-level edit would.
nlohmann::ordered_json header_of(const std::string& envelope) { return nlohmann::ordered_json::parse(envelope); }

// `envelope` with one byte of its ciphertext flipped (the base64 text re-encoded).
std::string tampered(const std::string& envelope) {
    auto json = header_of(envelope);
    std::string sealed = *base64_decode(json["ciphertext"].get<std::string>());
    sealed[sealed.size() / 2] ^= 0x01;
    json["ciphertext"] = base64_encode(sealed);
    return json.dump();
}

}  // namespace

TEST_CASE("encryption: a passphrase round trip hides the plaintext and records the method in the header") {
    StateCodec codec({passphrase("correct horse battery staple")});
    std::string envelope = codec.encode(k_secret_state);
    CHECK(is_encrypted(envelope));
    CHECK(envelope.find("hunter2-canary") == std::string::npos);
    CHECK(envelope.find("format_version") == std::string::npos);
    CHECK(envelope.ends_with("\n"));
    CHECK(envelope.find('\n') == envelope.size() - 1);  // one line: it also serves as a journal record

    auto header = header_of(envelope);
    CHECK(envelope.starts_with(R"({"plinth_encrypted":1,)"));
    CHECK(header["method"] == "aes_gcm");
    CHECK(header["key_provider"] == "pbkdf2");
    CHECK(header["kdf"] == "pbkdf2_sha512");
    CHECK(header["iterations"].get<unsigned>() >= 600000);
    CHECK(base64_decode(header["salt"].get<std::string>())->size() == k_salt_bytes);
    CHECK(base64_decode(header["nonce"].get<std::string>())->size() == k_gcm_nonce_bytes);

    auto decoded = codec.decode(envelope, "plinth.state.json");
    REQUIRE(decoded);
    CHECK(*decoded == k_secret_state);
}

TEST_CASE("encryption: every envelope has a fresh nonce; one codec keeps its salt") {
    StateCodec codec({passphrase("correct horse battery staple")});
    auto first = header_of(codec.encode("same"));
    auto second = header_of(codec.encode("same"));
    CHECK(first["nonce"] != second["nonce"]);
    CHECK(first["ciphertext"] != second["ciphertext"]);
    CHECK(first["salt"] == second["salt"]);
}

TEST_CASE("encryption: a codec writes with the salt of the file it read, so the key is derived once") {
    std::string stored = StateCodec({passphrase("correct horse battery staple")}).encode("earlier run");
    StateCodec codec({passphrase("correct horse battery staple")});
    REQUIRE(codec.decode(stored, "plinth.state.json"));
    auto written = header_of(codec.encode("this run"));
    CHECK(written["salt"] == header_of(stored)["salt"]);
    CHECK(written["nonce"] != header_of(stored)["nonce"]);

    // Once it has written, what it reads later no longer changes its salt.
    std::string other = StateCodec({passphrase("correct horse battery staple")}).encode("another file");
    REQUIRE(codec.decode(other, "other.json"));
    CHECK(header_of(codec.encode("again"))["salt"] == written["salt"]);
}

TEST_CASE("encryption: a raw key from the env provider needs no key derivation") {
    StateCodec codec({raw_key()});
    std::string envelope = codec.encode(k_secret_state);
    auto header = header_of(envelope);
    CHECK(header["key_provider"] == "env");
    CHECK(header["kdf"] == "none");
    CHECK_FALSE(header.contains("iterations"));
    CHECK_FALSE(header.contains("salt"));
    CHECK(codec.decode(envelope, "x").value() == k_secret_state);
}

TEST_CASE("encryption: a wrong key, a flipped byte and an altered header are errors naming the file") {
    EncryptionKey key = raw_key();
    StateCodec codec({key});
    std::string envelope = codec.encode(k_secret_state);

    SECTION("wrong key") {
        StateCodec other({raw_key()});
        auto decoded = other.decode(envelope, "plinth.state.json");
        REQUIRE_FALSE(decoded);
        CHECK(decoded.error().summary == "cannot decrypt plinth.state.json");
        CHECK(decoded.error().detail.find("`key_provider` (env)") != std::string::npos);
        CHECK(decoded.error().location.file == "plinth.state.json");
    }
    SECTION("a flipped byte of the ciphertext") {
        auto decoded = codec.decode(tampered(envelope), "plinth.state.json");
        REQUIRE_FALSE(decoded);
        CHECK(decoded.error().detail.find("altered") != std::string::npos);
    }
    SECTION("a changed header field is authenticated too") {
        auto json = header_of(envelope);
        json["nonce"] = base64_encode(random_bytes(k_gcm_nonce_bytes));
        CHECK_FALSE(codec.decode(json.dump(), "f"));
    }
    SECTION("a damaged envelope") {
        auto json = header_of(envelope);
        json.erase("nonce");
        auto decoded = codec.decode(json.dump(), "f");
        REQUIRE_FALSE(decoded);
        CHECK(decoded.error().summary == "f is a damaged encrypted file");
        CHECK(decoded.error().detail == "\"nonce\" is missing or is not a string.");
    }
}

TEST_CASE("encryption: a wrong passphrase is an error") {
    StateCodec writer({passphrase("the passphrase of last year")});
    StateCodec reader({passphrase("a passphrase of this year")});
    auto decoded = reader.decode(writer.encode(k_secret_state), "plan.out");
    REQUIRE_FALSE(decoded);
    CHECK(decoded.error().summary == "cannot decrypt plan.out");
    CHECK(decoded.error().detail.find("passphrase or key is wrong") != std::string::npos);
}

TEST_CASE("encryption: fewer than 600000 iterations in a header are refused") {
    StateCodec codec({passphrase("correct horse battery staple")});
    auto json = header_of(codec.encode("x"));
    json["iterations"] = 1000;
    auto decoded = codec.decode(json.dump(), "f");
    REQUIRE_FALSE(decoded);
    CHECK(decoded.error().detail.find("between 600000 and") != std::string::npos);
}

TEST_CASE("encryption: rotating keys reads old files with the fallback and writes with the new key") {
    EncryptionKey old_key = raw_key("key_provider");
    std::string old_file = StateCodec({old_key}).encode(k_secret_state);

    old_key.role = "fallback";
    StateCodec rotated({raw_key(), old_key});
    bool current = true;
    auto decoded = rotated.decode(old_file, "plinth.state.json", &current);
    REQUIRE(decoded);
    CHECK(*decoded == k_secret_state);
    CHECK_FALSE(current);  // worth writing again with the new key

    std::string rewritten = rotated.encode(*decoded);
    CHECK_FALSE(StateCodec({old_key}).decode(rewritten, "f"));
    CHECK(rotated.decode(rewritten, "f", &current).value() == k_secret_state);
    CHECK(current);
}

TEST_CASE("encryption: a passphrase fallback opens a file its key provider cannot") {
    std::string old_file = StateCodec({passphrase("the passphrase of last year")}).encode(k_secret_state);
    StateCodec rotated({raw_key(), passphrase("the passphrase of last year", "fallback")});
    CHECK(rotated.decode(old_file, "f").value() == k_secret_state);
}

TEST_CASE("encryption: a file encrypted by a provider that is not configured says so") {
    std::string env_file = StateCodec({raw_key()}).encode("x");
    auto decoded = StateCodec({passphrase("correct horse battery staple")}).decode(env_file, "f");
    REQUIRE_FALSE(decoded);
    CHECK(decoded.error().detail.find("key provider `env`") != std::string::npos);
    CHECK(decoded.error().detail.find("fallback") != std::string::npos);
}

TEST_CASE("encryption: unencrypted files still read, so encryption can be turned on") {
    StateCodec codec({raw_key()});
    bool current = true;
    auto decoded = codec.decode(k_secret_state, "plinth.state.json", &current);
    REQUIRE(decoded);
    CHECK(*decoded == k_secret_state);
    CHECK_FALSE(current);
    CHECK(is_encrypted(codec.encode(*decoded)));
}

TEST_CASE("encryption: without keys, plain bytes pass and an encrypted file asks for `encryption:`") {
    StateCodec plain;
    CHECK_FALSE(plain.encrypts());
    CHECK(plain.encode(k_secret_state) == k_secret_state);
    bool current = false;
    CHECK(plain.decode(k_secret_state, "f", &current).value() == k_secret_state);
    CHECK(current);

    auto decoded = plain.decode(StateCodec({raw_key()}).encode("x"), "plinth.state.json");
    REQUIRE_FALSE(decoded);
    CHECK(decoded.error().summary == "plinth.state.json is encrypted; configure `encryption:`");
}

TEST_CASE("encryption: AES-256-GCM and PBKDF2-HMAC-SHA512 match published test vectors") {
    // PBKDF2-HMAC-SHA512 with P="password", S="salt", c=1: the first 32 bytes of the published result.
    CHECK(hex(pbkdf2_sha512("password", "salt", 1)) ==
          "867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252");
    // GCM test case 13 (McGrew & Viega): a zero key and nonce, no plaintext: the tag alone.
    std::string sealed = aes_gcm_seal(std::string(32, '\0'), std::string(12, '\0'), "", "");
    CHECK(hex(sealed) == "530f8afbc74536b9a963b4f1c4cb738b");
    CHECK(aes_gcm_open(std::string(32, '\0'), std::string(12, '\0'), "", sealed) == std::string());
    CHECK_FALSE(aes_gcm_open(std::string(32, '\0'), std::string(12, '\0'), "other data", sealed));
}
