#include <catch2/catch.hpp>

#include "expr_test_support.h"

using namespace plinth;
using namespace plinth::expr;
using namespace plinth::expr::testing;

TEST_CASE("expr: length") {
    CHECK(eval("${length([])}") == Value(0));
    CHECK(eval("${length([\"a\", \"b\"])}") == Value(2));
    CHECK(eval("${length({\"a\" = \"b\"})}") == Value(1));
    CHECK(eval("${length(\"hello\")}") == Value(5));
    CHECK(eval("${length(\"🤔🤷\")}") == Value(2));
    CHECK(eval("${length(var.pending)}").is_unknown());
    CHECK(error_of("${length(5)}") == "length: argument 1 must be a list, map or string, got number");
}

TEST_CASE("expr: concat and merge") {
    CHECK(eval("${concat([\"a\", \"\"], [\"b\", \"c\"])}") == list({"a", "", "b", "c"}));
    CHECK(eval("${merge({a = \"b\", c = \"d\"}, {e = \"f\", c = \"z\"})}") == map({{"a", "b"}, {"c", "z"}, {"e", "f"}}));
    CHECK(eval("${merge({a = \"b\"}, {a = [1, 2], c = \"z\"}, {d = 3})}") ==
          map({{"a", list({1, 2})}, {"c", "z"}, {"d", 3}}));
    CHECK(eval("${merge()}") == map({}));
    CHECK(eval("${merge(null, {a = 1})}") == map({{"a", 1}}));
    CHECK(error_of("${concat([1], 2)}") == "concat: argument 2 must be a list, got number");
    CHECK(error_of("${merge({}, [1])}") == "merge: argument 2 must be a map, got list");
}

TEST_CASE("expr: keys, values and lookup") {
    CHECK(eval("${keys({a = 1, c = 2, d = 3})}") == list({"a", "c", "d"}));
    CHECK(eval("${values({a = 3, c = 2, d = 1})}") == list({3, 2, 1}));
    CHECK(eval("${lookup({a = \"ay\", b = \"bee\"}, \"a\", \"what?\")}") == Value("ay"));
    CHECK(eval("${lookup({a = \"ay\", b = \"bee\"}, \"c\", \"what?\")}") == Value("what?"));
    CHECK(eval("${lookup(var.tags, \"owner\")}") == Value("ops"));
    CHECK(error_of("${lookup(var.tags, \"x\")}") == "lookup: key \"x\" not found in the map and no default given");
    CHECK(error_of("${keys([1])}") == "keys: argument 1 must be a map, got list");
}

TEST_CASE("expr: contains and coalesce") {
    CHECK(eval("${contains([\"a\", \"b\", \"c\"], \"a\")}") == Value(true));
    CHECK(eval("${contains([\"a\", \"b\", \"c\"], \"d\")}") == Value(false));
    CHECK(eval("${contains([[1], {a = 2}], {a = 2})}") == Value(true));
    CHECK(eval("${coalesce(\"a\", \"b\")}") == Value("a"));
    CHECK(eval("${coalesce(\"\", \"b\")}") == Value("b"));
    CHECK(eval("${coalesce(1, 2)}") == Value(1));
    CHECK(eval("${coalesce(null, var.nothing, \"x\")}") == Value("x"));
    CHECK(eval("${coalesce(\"a\", var.pending)}") == Value("a"));
    CHECK(eval("${coalesce(var.pending, \"a\")}").is_unknown());
    CHECK(error_of("${coalesce(null, \"\")}") == "coalesce: no non-null, non-empty-string arguments");
}

TEST_CASE("expr: zipmap") {
    CHECK(eval("${zipmap([\"a\", \"b\"], [1, 2])}") == map({{"a", 1}, {"b", 2}}));
    CHECK(eval("${zipmap([], [])}") == map({}));
    CHECK(error_of("${zipmap([\"a\"], [])}") == "zipmap: 1 keys but 0 values; the lists must be the same length");
}
