#include <catch2/catch.hpp>

#include "expr_test_support.h"

using namespace plinth;
using namespace plinth::expr;
using namespace plinth::expr::testing;

TEST_CASE("expr: yamlencode") {
    CHECK(eval("${yamlencode({a = \"b\", c = \"d\"})}") == Value("\"a\": \"b\"\n\"c\": \"d\"\n"));
    CHECK(eval("${yamlencode({foo = [1, 2, 3], bar = \"baz\"})}") == Value("\"bar\": \"baz\"\n\"foo\":\n- 1\n- 2\n- 3\n"));
    CHECK(eval("${yamlencode({foo = [1, {a = \"b\", c = \"d\"}, 3], bar = \"baz\"})}") ==
          Value("\"bar\": \"baz\"\n\"foo\":\n- 1\n- \"a\": \"b\"\n  \"c\": \"d\"\n- 3\n"));
    CHECK(eval("${yamlencode({a = {b = true, c = null}, d = []})}") ==
          Value("\"a\":\n  \"b\": true\n  \"c\": null\n\"d\": []\n"));
    CHECK(eval("${yamlencode(\"x\")}") == Value("\"x\"\n"));
}

TEST_CASE("expr: yamldecode") {
    CHECK(eval("${yamldecode(\"hello: world\")}") == map({{"hello", "world"}}));
    CHECK(eval("${yamldecode(\"true\")}") == Value(true));
    CHECK(eval("${yamldecode(\"{a: &foo [1, 2, 3], b: *foo}\")}") ==
          map({{"a", list({1, 2, 3})}, {"b", list({1, 2, 3})}}));
    CHECK(eval("${yamldecode(\"{a: &foo [1, {c: d}], b: *foo}\")}") ==
          map({{"a", list({1, map({{"c", "d"}})})}, {"b", list({1, map({{"c", "d"}})})}}));
    CHECK(eval("${yamldecode(\"[~, '1', 1.5, x]\")}") == list({nullptr, "1", 1.5, "x"}));
    CHECK(eval("${yamldecode(yamlencode({a = [\"x\\ny\", 2]}))}") == map({{"a", list({"x\ny", 2})}}));
    CHECK(error_of("${yamldecode(\"a: [\")}").starts_with("yamldecode: invalid YAML"));
    CHECK(error_of("${yamldecode(\",\")}").starts_with("yamldecode: invalid YAML"));
    CHECK(error_of("${yamldecode(\"a\\n---\\nb\")}") == "yamldecode: the string holds more than one YAML document");
}

TEST_CASE("expr: csvdecode") {
    CHECK(eval("${csvdecode(\"a,b,c\\n1,2,3\\n4,5,6\")}") ==
          list({map({{"a", "1"}, {"b", "2"}, {"c", "3"}}), map({{"a", "4"}, {"b", "5"}, {"c", "6"}})}));
    CHECK(eval("${csvdecode(\"name,note\\r\\nx,\\\"a, \\\"\\\"b\\\"\\\"\\\"\\r\\n\")}") ==
          list({map({{"name", "x"}, {"note", "a, \"b\""}})}));
    CHECK(eval("${csvdecode(\"a,b\")}") == list({}));
    CHECK(error_of("${csvdecode(\"a,b\\n1\")}") == "csvdecode: line 2 has 1 fields, but the header has 2");
}
