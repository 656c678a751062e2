#include <catch2/catch.hpp>

#include "core/stack/format/kept_blank_lines.h"

using namespace plinth::format;

TEST_CASE("kept_blank_lines: the blank lines ending a `+` block scalar, and only those") {
    Lines lines = split_lines("a: |+\n  text\n\n\nb: |\n  text\n\nc:\n  - key: >+2 # c\n      text\n\n  - d\n");
    std::vector<bool> expected = {false, false, true, true, false, false, false, false, false, false, true, false};
    CHECK(kept_blank_lines(lines) == expected);
}

TEST_CASE("kept_blank_lines: a scalar kept up to the end of the file") {
    CHECK(kept_blank_lines(split_lines("a: >+\n  x\n\n")) == std::vector<bool>{false, false, true});
    CHECK(kept_blank_lines(split_lines("a: '|+'\n\nb: 1\n")) == std::vector<bool>{false, false, false});
}
