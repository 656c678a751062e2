#include <catch2/catch.hpp>

#include "core/utf8.h"

TEST_CASE("utf8: one to four bytes by code point") {
    auto encoded = [](std::uint32_t code) {
        std::string out = "<";
        plinth::append_utf8(out, code);
        return out;
    };
    CHECK(encoded(0x41) == "<A");
    CHECK(encoded(0x7F) == "<\x7F");
    CHECK(encoded(0xE9) == "<\xC3\xA9");
    CHECK(encoded(0x7FF) == "<\xDF\xBF");
    CHECK(encoded(0x20AC) == "<\xE2\x82\xAC");
    CHECK(encoded(0xFFFF) == "<\xEF\xBF\xBF");
    CHECK(encoded(0x1F600) == "<\xF0\x9F\x98\x80");
    CHECK(encoded(0x10FFFF) == "<\xF4\x8F\xBF\xBF");
}
