#include <catch2/catch.hpp>

#include "expr_test_support.h"

using namespace plinth;
using namespace plinth::expr;
using namespace plinth::expr::testing;

TEST_CASE("expr: min and max") {
    CHECK(eval("${min(12, 54, 3)}") == Value(3));
    CHECK(eval("${max(12, 54, 3)}") == Value(54));
    CHECK(eval("${max([12, 54, 3]...)}") == Value(54));
    CHECK(eval("${min(\"4\", 5)}") == Value(4));
    CHECK(error_of("${max(1, \"x\")}") == "max: argument 2 must be a number, got \"x\"");
    CHECK(error_of("${min()}") == "min: expects at least 1 argument, got 0");
}

TEST_CASE("expr: abs, ceil and floor") {
    CHECK(eval("${abs(23)}") == Value(23));
    CHECK(eval("${abs(0)}") == Value(0));
    CHECK(eval("${abs(-12.4)}") == Value(12.4));
    CHECK(eval("${ceil(5)}") == Value(5));
    CHECK(eval("${ceil(5.1)}") == Value(6));
    CHECK(eval("${floor(5)}") == Value(5));
    CHECK(eval("${floor(4.9)}") == Value(4));
    CHECK(error_of("${floor([])}") == "floor: argument 1 must be a number, got list");
}
