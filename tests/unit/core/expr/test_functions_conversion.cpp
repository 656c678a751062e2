#include <catch2/catch.hpp>

#include "expr_test_support.h"

using namespace plinth;
using namespace plinth::expr;
using namespace plinth::expr::testing;

TEST_CASE("expr: tostring, tonumber and tobool") {
    CHECK(eval("${tostring(\"hello\")}") == Value("hello"));
    CHECK(eval("${tostring(1)}") == Value("1"));
    CHECK(eval("${tostring(true)}") == Value("true"));
    CHECK(eval("${tostring(null)}").is_null());
    CHECK(error_of("${tostring([])}") == "tostring: cannot convert a list to a string");
    CHECK(eval("${tonumber(1)}") == Value(1));
    CHECK(eval("${tonumber(\"1\")}") == Value(1));
    CHECK(eval("${tonumber(\"-2.5e1\")}") == Value(-25));
    CHECK(eval("${tonumber(null)}").is_null());
    CHECK(error_of("${tonumber(\"no\")}") == "tonumber: cannot convert \"no\" to a number");
    CHECK(error_of("${tonumber(\" 1\")}") == "tonumber: cannot convert \" 1\" to a number");
    CHECK(error_of("${tonumber(true)}") == "tonumber: cannot convert a bool to a number");
    CHECK(eval("${tobool(\"true\")}") == Value(true));
    CHECK(eval("${tobool(false)}") == Value(false));
    CHECK(error_of("${tobool(1)}") == "tobool: cannot convert 1 to a bool");
}

TEST_CASE("expr: tolist, toset and tomap") {
    CHECK(eval("${tolist([\"a\", \"b\"])}") == list({"a", "b"}));
    CHECK(error_of("${tolist({})}") == "tolist: cannot convert a map to a list");
    CHECK(eval("${toset([\"c\", \"b\", \"b\", \"a\"])}") == list({"a", "b", "c"}));
    CHECK(eval("${toset([\"a\", \"b\", 3])}") == list({"3", "a", "b"}));
    CHECK(eval("${toset([10, 2, 2])}") == list({2, 10}));
    CHECK(eval("${toset([[1], [1]])}") == list({list({1})}));
    CHECK(eval("${toset([\"3\", 3, true, \"true\"])}") == list({"3", "true"}));  // the same once strings
    // 10,000 items: sorted and deduplicated as neighbours, not by an N x N search.
    CHECK(eval("${length(toset(flatten([for a in range(100) : [for b in range(100) : a * b % 7]])))}") == Value(7));
    CHECK(eval("${tomap({a = 1, b = 2})}") == map({{"a", 1}, {"b", 2}}));
    CHECK(error_of("${tomap([])}") == "tomap: cannot convert a list to a map");
}
