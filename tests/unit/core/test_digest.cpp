#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "core/digest.h"

using namespace plinth;

TEST_CASE("digest: hashes of known inputs") {
    CHECK(sha1_hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(md5_hex("") == "d41d8cd98f00b204e9800998ecf8427e");
    CHECK(sha512_hex("abc").substr(0, 16) == "ddaf35a193617aba");
    CHECK(sha512_hex("abc").size() == 128);
}

TEST_CASE("digest: base64 round trip and padding") {
    CHECK(base64_encode("") == "");
    CHECK(base64_encode("f") == "Zg==");
    CHECK(base64_encode("fo") == "Zm8=");
    CHECK(base64_encode("foo") == "Zm9v");
    CHECK(base64_decode("Zg==") == std::optional<std::string>("f"));
    CHECK(base64_decode("Zm8=") == std::optional<std::string>("fo"));
    std::string binary("\0\xff\x10", 3);
    CHECK(base64_decode(base64_encode(binary)) == binary);
}

TEST_CASE("digest: invalid base64 is refused") {
    CHECK_FALSE(base64_decode("abc"));
    CHECK_FALSE(base64_decode("@@@@"));
}

TEST_CASE("digest: random bytes and integers") {
    CHECK(random_bytes(0).empty());
    CHECK(random_bytes(32).size() == 32);
    CHECK(random_bytes(16) != random_bytes(16));
    for (int i = 0; i < 200; ++i) {
        auto n = random_integer(-3, 3);
        CHECK(n >= -3);
        CHECK(n <= 3);
    }
    CHECK(random_integer(5, 5) == 5);
    CHECK(random_integer(9, 1) == 9);
}

TEST_CASE("digest: random UUIDs are version 4 and distinct") {
    std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) {
        std::string id = random_uuid();
        CHECK(std::regex_match(id, uuid));
        seen.insert(id);
    }
    CHECK(seen.size() == 100);
}
