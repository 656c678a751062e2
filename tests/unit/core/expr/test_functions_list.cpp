#include <catch2/catch.hpp>

#include "expr_test_support.h"

using namespace plinth;
using namespace plinth::expr;
using namespace plinth::expr::testing;

TEST_CASE("expr: slice and chunklist") {
    CHECK(eval("${slice([\"a\", \"b\", \"c\", \"d\"], 1, 3)}") == list({"b", "c"}));
    CHECK(eval("${slice([\"a\"], 1, 1)}") == list({}));
    CHECK(eval("${chunklist([\"a\", \"b\", \"c\", \"d\", \"e\"], 2)}") == list({list({"a", "b"}), list({"c", "d"}), list({"e"})}));
    CHECK(eval("${chunklist([\"a\", \"b\", \"c\", \"d\", \"e\"], 1)}") ==
          list({list({"a"}), list({"b"}), list({"c"}), list({"d"}), list({"e"})}));
    CHECK(eval("${chunklist([1, 2], 0)}") == list({list({1, 2})}));
    CHECK(error_of("${slice([\"a\"], 0, 2)}") == "slice: indexes 0 and 2 are out of range for a list of length 1");
    CHECK(error_of("${chunklist([1], -1)}") == "chunklist: the chunk size must not be negative, got -1");
}

TEST_CASE("expr: compact, coalescelist and one") {
    CHECK(eval("${compact([\"a\", \"\", \"b\", null, \"c\"])}") == list({"a", "b", "c"}));
    CHECK(eval("${coalescelist([\"a\", \"b\"], [\"c\", \"d\"])}") == list({"a", "b"}));
    CHECK(eval("${coalescelist([], [\"c\", \"d\"])}") == list({"c", "d"}));
    CHECK(eval("${one([])}") == Value());
    CHECK(eval("${one([\"hello\"])}") == Value("hello"));
    CHECK(error_of("${one([\"hello\", \"goodbye\"])}") == "one: the list must have no more than one element, got 2");
    CHECK(error_of("${coalescelist([], [])}") == "coalescelist: no non-null, non-empty list arguments");
    CHECK(error_of("${compact([[1]])}") == "compact: argument 1 must be a list of strings, got list");
}

TEST_CASE("expr: alltrue, anytrue and sum") {
    CHECK(eval("${alltrue([\"true\", true])}") == Value(true));
    CHECK(eval("${alltrue([true, false])}") == Value(false));
    CHECK(eval("${alltrue([])}") == Value(true));
    CHECK(eval("${anytrue([\"true\"])}") == Value(true));
    CHECK(eval("${anytrue([true, false])}") == Value(true));
    CHECK(eval("${anytrue([])}") == Value(false));
    CHECK(eval("${sum([10, 13, 6, 4.5])}") == Value(33.5));
    CHECK(error_of("${alltrue([1])}") == "alltrue: argument 1 must be a list of bools, got number");
    CHECK(error_of("${sum([])}") == "sum: cannot sum an empty list");
    CHECK(error_of("${sum([1, \"x\"])}") == "sum: element 1 must be a number");
}

TEST_CASE("expr: setunion, setintersection and setsubtract") {
    CHECK(eval("${setunion([\"a\", \"b\"], [\"b\", \"c\"], [\"d\"])}") == list({"a", "b", "c", "d"}));
    CHECK(eval("${setintersection([\"a\", \"b\"], [\"b\", \"c\"], [\"b\", \"d\"])}") == list({"b"}));
    CHECK(eval("${setsubtract([\"a\", \"b\", \"c\"], [\"a\", \"c\"])}") == list({"b"}));
    CHECK(eval("${setunion([3, 1], [2, 1])}") == list({1, 2, 3}));
    CHECK(error_of("${setunion([1], 2)}") == "setunion: argument 2 must be a list, got number");
    CHECK(error_of("${setsubtract([1])}") == "setsubtract: expects 2 arguments, got 1");
}

TEST_CASE("expr: transpose") {
    CHECK(eval("${transpose({a = [\"1\", \"2\"], b = [\"2\", \"3\"]})}") ==
          map({{"1", list({"a"})}, {"2", list({"a", "b"})}, {"3", list({"b"})}}));
    CHECK(eval("${transpose({})}") == map({}));
    CHECK(error_of("${transpose({a = \"x\"})}") == "transpose: argument 1 must be a map of lists of strings, got string");
}
