#include <catch2/catch.hpp>

#include "core/stack/number_text.h"

using namespace plinth;

TEST_CASE("number_text: decimals") {
    CHECK(parse_decimal("42") == 42.0);
    CHECK(parse_decimal("-7") == -7.0);
    CHECK(parse_decimal("+3") == 3.0);
    CHECK(parse_decimal("1.") == 1.0);
    CHECK(parse_decimal(".5") == 0.5);
    CHECK(parse_decimal("2.5E-1") == 0.25);
    for (const char* text : {"", "-", ".", "1e", "1e+", "0x10", "inf", "nan", "1 ", " 1", "1_000", "1e999"})
        CHECK_FALSE(parse_decimal(text));
}

TEST_CASE("number_text: prefixed integers") {
    CHECK(parse_prefixed_integer("0x1F") == 31.0);
    CHECK(parse_prefixed_integer("0o17") == 15.0);
    for (const char* text : {"0x", "0o8", "0b1", "17", "0x1G"}) CHECK_FALSE(parse_prefixed_integer(text));
}
