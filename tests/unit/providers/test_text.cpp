#include <catch2/catch.hpp>

#include "providers/text.h"

using plinth::providers::to_valid_utf8;

TEST_CASE("text: invalid UTF-8 becomes replacement characters") {
    CHECK(to_valid_utf8("plain") == "plain");
    CHECK(to_valid_utf8("caf\xc3\xa9") == "caf\xc3\xa9");
    CHECK(to_valid_utf8("a\xff" "b") == "a\xef\xbf\xbd" "b");
    CHECK(to_valid_utf8("\xc0\xaf") == "\xef\xbf\xbd\xef\xbf\xbd");  // overlong
    CHECK(to_valid_utf8("\xe2\x82") == "\xef\xbf\xbd\xef\xbf\xbd");  // truncated
}
