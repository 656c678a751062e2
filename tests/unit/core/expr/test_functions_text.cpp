#include <catch2/catch.hpp>

#include "expr_test_support.h"

using namespace plinth;
using namespace plinth::expr;
using namespace plinth::expr::testing;

TEST_CASE("expr: formatlist") {
    CHECK(eval("${formatlist(\"Hello, %s!\", [\"Valentina\", \"Ander\", \"Olivia\", \"Sam\"])}") ==
          list({"Hello, Valentina!", "Hello, Ander!", "Hello, Olivia!", "Hello, Sam!"}));
    CHECK(eval("${formatlist(\"%s, %s!\", \"Salutations\", [\"Valentina\", \"Ander\"])}") ==
          list({"Salutations, Valentina!", "Salutations, Ander!"}));
    CHECK(eval("${formatlist(\"%s=%d\", [\"a\", \"b\"], [1, 2])}") == list({"a=1", "b=2"}));
    CHECK(error_of("${formatlist(\"%s%s\", [\"a\"], [\"b\", \"c\"])}") ==
          "formatlist: argument 3 has length 2, but an earlier list has length 1");
    CHECK(error_of("${formatlist(\"%s %s\", [\"a\"])}").starts_with("formatlist: not enough arguments"));
}

TEST_CASE("expr: regex and regexall") {
    CHECK(eval("${regex(\"[a-z]+\", \"53453453.345345aaabbbccc23454\")}") == Value("aaabbbccc"));
    CHECK(eval("${regex(\"(\\\\d\\\\d\\\\d\\\\d)-(\\\\d\\\\d)-(\\\\d\\\\d)\", \"2019-02-01\")}") == list({"2019", "02", "01"}));
    CHECK(eval("${regex(\"^(?:(\\\\w+)://)?([^/]+)\", \"https://example.com/x\")}") == list({"https", "example.com"}));
    CHECK(eval("${regexall(\"[a-z]+\", \"1234abcd5678efgh9\")}") == list({"abcd", "efgh"}));
    CHECK(eval("${length(regexall(\"[a-z]+\", \"1234abcd5678efgh9\"))}") == Value(2));
    CHECK(eval("${length(regexall(\"[a-z]+\", \"123456789\")) > 0}") == Value(false));
    CHECK(error_of("${regex(\"[a-z]+\", \"123\")}") == "regex: pattern did not match any part of the given string");
    CHECK(error_of("${regexall(\"[a-\", \"x\")}").starts_with("regexall: invalid regular expression \"[a-\""));
    CHECK(error_of("${regex([], \"x\")}") == "regex: argument 1 must be a string, got list");
}

TEST_CASE("expr: indent, chomp and strrev") {
    CHECK(eval("  items: ${indent(2, \"[\\n  foo,\\n  bar,\\n]\")}") == Value("  items: [\n    foo,\n    bar,\n  ]"));
    CHECK(eval("${chomp(\"hello\\n\")}") == Value("hello"));
    CHECK(eval("${chomp(\"hello\\r\\n\")}") == Value("hello"));
    CHECK(eval("${chomp(\"hello\\n\\n\")}") == Value("hello"));
    CHECK(eval("${strrev(\"hello\")}") == Value("olleh"));
    CHECK(eval("${strrev(\"a ☃\")}") == Value("☃ a"));
    CHECK(error_of("${indent(\"x\", \"a\")}") == "indent: argument 1 must be a number, got \"x\"");
    CHECK(error_of("${strrev([])}") == "strrev: argument 1 must be a string, got list");
}
