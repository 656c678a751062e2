#include <catch2/catch.hpp>

#include "expr_test_support.h"

using namespace plinth;
using namespace plinth::expr;
using namespace plinth::expr::testing;

TEST_CASE("expr: upper, lower and title") {
    CHECK(eval("${upper(\"hello\")}") == Value("HELLO"));
    CHECK(eval("${lower(\"HELLO\")}") == Value("hello"));
    CHECK(eval("${title(\"hello world\")}") == Value("Hello World"));
    CHECK(eval("${title(\"a-b c_d\")}") == Value("A-B C_d"));
    CHECK(eval("${upper(5)}") == Value("5"));  // primitives convert to strings, as in Terraform
    CHECK(error_of("${lower({})}") == "lower: argument 1 must be a string, got map");
}

TEST_CASE("expr: join") {
    CHECK(eval("${join(\"-\", [\"foo\", \"bar\", \"baz\"])}") == Value("foo-bar-baz"));
    CHECK(eval("${join(\", \", [\"foo\"])}") == Value("foo"));
    CHECK(eval("${join(\", \", [])}") == Value(""));
    CHECK(eval("${join(\"\", [1, true, \"x\"])}") == Value("1truex"));
    CHECK(eval("${join(\",\", [\"a\"], [\"b\", \"c\"])}") == Value("a,b,c"));
    CHECK(error_of("${join(\",\", [[1]])}") == "join: elements must be strings, got list");
    CHECK(error_of("${join(\",\", \"a\")}") == "join: argument 2 must be a list, got string");
}

TEST_CASE("expr: split") {
    CHECK(eval("${split(\",\", \"foo\")}") == list({"foo"}));
    CHECK(eval("${split(\",\", \"foo,bar,baz\")}") == list({"foo", "bar", "baz"}));
    CHECK(eval("${split(\",\", \"\")}") == list({""}));
    CHECK(eval("${split(\", \", \"a, b,c\")}") == list({"a", "b,c"}));
    CHECK(eval("${split(\"\", \"aé\")}") == list({"a", "é"}));
}

TEST_CASE("expr: replace with substrings and regular expressions") {
    CHECK(eval("${replace(\"1 + 2 + 3\", \"+\", \"-\")}") == Value("1 - 2 - 3"));
    CHECK(eval("${replace(\"hello world\", \"/w.*d/\", \"everybody\")}") == Value("hello everybody"));
    CHECK(eval("${replace(\"hello world\", \"/(h)(e)/\", \"$2$1\")}") == Value("ehllo world"));
    CHECK(eval("${replace(\"hello world\", \"/(h)(e)/\", \"$${2}$${1}\")}") == Value("ehllo world"));
    CHECK(eval("${replace(\"a.b.c\", \".\", \"\")}") == Value("abc"));
    CHECK(eval("${replace(\"abc\", \"\", \"x\")}") == Value("abc"));
    CHECK(error_of("${replace(\"a\", \"/(/\", \"b\")}").starts_with("replace: invalid regular expression /(/"));
}

TEST_CASE("expr: trimming") {
    CHECK(eval("${trimspace(\"  hello\\n\\n\")}") == Value("hello"));
    CHECK(eval("${trimspace(\" \\t \")}") == Value(""));
    CHECK(eval("${trim(\"?!hello?!\", \"!?\")}") == Value("hello"));
    CHECK(eval("${trim(\"foobar\", \"far\")}") == Value("oob"));
    CHECK(eval("${trim(\"   hello! world.!  \", \"! \")}") == Value("hello! world."));
    CHECK(eval("${trimprefix(\"helloworld\", \"hello\")}") == Value("world"));
    CHECK(eval("${trimprefix(\"helloworld\", \"cat\")}") == Value("helloworld"));
    CHECK(eval("${trimsuffix(\"helloworld\", \"world\")}") == Value("hello"));
    CHECK(eval("${trimsuffix(\"helloworld\", \"cat\")}") == Value("helloworld"));
}

TEST_CASE("expr: startswith and endswith") {
    CHECK(eval("${startswith(\"hello world\", \"hello\")}") == Value(true));
    CHECK(eval("${startswith(\"hello world\", \"world\")}") == Value(false));
    CHECK(eval("${endswith(\"hello world\", \"world\")}") == Value(true));
    CHECK(eval("${endswith(\"hello world\", \"hello\")}") == Value(false));
}

TEST_CASE("expr: substr counts characters") {
    CHECK(eval("${substr(\"hello world\", 1, 4)}") == Value("ello"));
    CHECK(eval("${substr(\"🤔🤷\", 0, 1)}") == Value("🤔"));
    CHECK(eval("${substr(\"hello world\", -5, -1)}") == Value("world"));
    CHECK(eval("${substr(\"hello\", 2, 100)}") == Value("llo"));
    CHECK(error_of("${substr(\"hello\", 9, 1)}") == "substr: offset 9 is beyond the string's 5 characters");
    CHECK(error_of("${substr(\"hello\", 1.5, 1)}") == "substr: argument 2 must be a whole number, got 1.5");
}
