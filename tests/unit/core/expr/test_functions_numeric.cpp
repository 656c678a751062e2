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

TEST_CASE("expr: signum, pow and log") {
    CHECK(eval("${signum(-13)}") == Value(-1));
    CHECK(eval("${signum(0)}") == Value(0));
    CHECK(eval("${signum(344)}") == Value(1));
    CHECK(eval("${pow(3, 2)}") == Value(9));
    CHECK(eval("${pow(4, 0)}") == Value(1));
    CHECK(eval("${log(16, 2)}") == Value(4));
    CHECK(eval("${log(1, 10)}") == Value(0));
    CHECK(error_of("${pow(\"a\", 2)}") == "pow: argument 1 must be a number, got \"a\"");
    CHECK(error_of("${signum([])}") == "signum: argument 1 must be a number, got list");
}

TEST_CASE("expr: parseint") {
    CHECK(eval("${parseint(\"100\", 10)}") == Value(100));
    CHECK(eval("${parseint(\"FF\", 16)}") == Value(255));
    CHECK(eval("${parseint(\"-10\", 16)}") == Value(-16));
    CHECK(eval("${parseint(\"1011111011101111\", 2)}") == Value(48879));
    CHECK(eval("${parseint(\"aA\", 62)}") == Value(656));
    CHECK(error_of("${parseint(\"12\", 2)}") == "parseint: cannot parse \"12\" as a base 2 integer");
    CHECK(error_of("${parseint(\"1\", 63)}") == "parseint: base must be a whole number between 2 and 62, got 63");
}
