#include <catch2/catch.hpp>

#include "expr_test_support.h"

using namespace plinth;
using namespace plinth::expr;
using namespace plinth::expr::testing;

TEST_CASE("expr: format with Terraform's documented examples") {
    CHECK(eval("${format(\"Hello, %s!\", \"Ander\")}") == Value("Hello, Ander!"));
    CHECK(eval("${format(\"There are %d lights\", 4)}") == Value("There are 4 lights"));
    CHECK(eval("${format(\"%#v\", \"hello\")}") == Value("\"hello\""));
    CHECK(eval("${format(\"%#v\", true)}") == Value("true"));
    CHECK(eval("${format(\"%#v\", 1)}") == Value("1"));
    CHECK(eval("${format(\"%#v\", {a = 1})}") == Value("{\"a\":1}"));
    CHECK(eval("${format(\"%#v\", null)}") == Value("null"));
}

TEST_CASE("expr: format verbs") {
    CHECK(eval("${format(\"%v|%v|%v|%v\", \"s\", 1.5, false, [1, \"a\"])}") == Value("s|1.5|false|[1,\"a\"]"));
    CHECK(eval("${format(\"%f\", 3.14159)}") == Value("3.141590"));
    CHECK(eval("${format(\"%.2f\", 3.14159)}") == Value("3.14"));
    CHECK(eval("${format(\"%.0f\", 2.5)}") == Value("2"));
    CHECK(eval("${format(\"%q\", \"say \\\"hi\\\"\")}") == Value("\"say \\\"hi\\\"\""));
    CHECK(eval("${format(\"100%%\")}") == Value("100%"));
    CHECK(eval("${format(\"%t\", true)}") == Value("true"));
    CHECK(eval("${format(\"%x %X %o %b\", 255, 255, 8, 5)}") == Value("ff FF 10 101"));
    CHECK(eval("${format(\"%e\", 1500)}") == Value("1.500000e+03"));
    CHECK(eval("${format(\"%d\", \"12\")}") == Value("12"));
    CHECK(eval("${format(\"%s\", 12)}") == Value("12"));
}

TEST_CASE("expr: format flags, width and argument indexes") {
    CHECK(eval("${format(\"%5d|%-5d|%05d\", 42, 42, -42)}") == Value("   42|42   |-0042"));
    CHECK(eval("${format(\"%+d\", 5)}") == Value("+5"));
    CHECK(eval("${format(\"%6.2f|\", 3.14159)}") == Value("  3.14|"));
    CHECK(eval("${format(\"%-4s|%4s|\", \"ab\", \"é\")}") == Value("ab  |   é|"));
    CHECK(eval("${format(\"%.3s\", \"abcdef\")}") == Value("abc"));
    CHECK(eval("${format(\"%[2]s %[1]s\", \"a\", \"b\")}") == Value("b a"));
}

TEST_CASE("expr: format errors") {
    CHECK(error_of("${format(\"%s %s\", \"a\")}") == "format: not enough arguments for %s: needs argument 2, but there is 1");
    CHECK(error_of("${format(\"%s\", \"a\", \"b\")}") == "format: too many arguments; the format string uses 1 of 2");
    CHECK(error_of("${format(\"%d\", 1.5)}") == "format: %d at argument 1 needs a whole number, got 1.5");
    CHECK(error_of("${format(\"%d\", \"x\")}") == "format: %d at argument 1 needs a number, got string");
    CHECK(error_of("${format(\"%s\", [1])}") == "format: %s at argument 1 needs a string, got list");
    CHECK(error_of("${format(\"%y\", 1)}") == "format: unsupported verb %y");
    CHECK(error_of("${format(\"%\", 1)}") == "format: the format string ends in the middle of a verb");
    CHECK(error_of("${format(\"%s\", null)}") == "format: argument 1 is null");
    // Found by fuzzing: a width past int's range overflowed while it was read.
    std::string too_large = "format: a width, precision or argument index above 1000000 in the format string";
    CHECK(error_of("${format(\"%77777777777777777777s\", \"a\")}") == too_large);
    CHECK(error_of("${format(\"%.1000001f\", 1)}") == too_large);
    CHECK(error_of("${format(\"%[99999999999]s\", \"a\")}") == too_large);
    CHECK(eval("${format(\"%1000000s\", \"a\")}").as_string().size() == 1000000);
}
