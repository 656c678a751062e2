#include <catch2/catch.hpp>

#include "expr_test_support.h"

using namespace plinth;
using namespace plinth::expr;
using namespace plinth::expr::testing;

TEST_CASE("expr: element wraps around") {
    CHECK(eval("${element([\"a\", \"b\", \"c\"], 1)}") == Value("b"));
    CHECK(eval("${element([\"a\", \"b\", \"c\"], 3)}") == Value("a"));
    CHECK(error_of("${element([], 0)}") == "element: cannot use element() with an empty list");
    CHECK(error_of("${element([1], -1)}") == "element: the index must not be negative, got -1");
}

TEST_CASE("expr: index, distinct, flatten, reverse") {
    CHECK(eval("${index([\"a\", \"b\", \"c\"], \"b\")}") == Value(1));
    CHECK(error_of("${index([\"a\"], \"z\")}") == "index: item \"z\" not found");
    CHECK(eval("${distinct([\"a\", \"b\", \"a\", \"c\", \"d\", \"b\"])}") == list({"a", "b", "c", "d"}));
    CHECK(eval("${flatten([[\"a\", \"b\"], [], [\"c\"]])}") == list({"a", "b", "c"}));
    CHECK(eval("${flatten([[[\"a\", \"b\"], []], [\"c\"]])}") == list({"a", "b", "c"}));
    CHECK(eval("${flatten([1, [2, [3]]])}") == list({1, 2, 3}));
    CHECK(eval("${reverse([1, 2, 3])}") == list({3, 2, 1}));
}

TEST_CASE("expr: sort orders strings lexicographically") {
    CHECK(eval("${sort([\"e\", \"d\", \"a\", \"x\"])}") == list({"a", "d", "e", "x"}));
    CHECK(eval("${sort([10, 9, 1])}") == list({"1", "10", "9"}));
    CHECK(error_of("${sort([[1]])}") == "sort: elements must be strings, got list");
}

TEST_CASE("expr: range") {
    CHECK(eval("${range(3)}") == list({0, 1, 2}));
    CHECK(eval("${range(1, 4)}") == list({1, 2, 3}));
    CHECK(eval("${range(1, 8, 2)}") == list({1, 3, 5, 7}));
    CHECK(eval("${range(1, 4, 0.5)}") == list({1, 1.5, 2, 2.5, 3, 3.5}));
    CHECK(eval("${range(4, 1)}") == list({4, 3, 2}));
    CHECK(eval("${range(10, 5, -2)}") == list({10, 8, 6}));
    CHECK(eval("${range(0)}") == list({}));
    CHECK(error_of("${range(1, 2, 0)}") == "range: the step must not be zero");
    CHECK(error_of("${range(1, 5, -1)}") == "range: the step moves away from the limit");
    CHECK(error_of("${range(5000)}") == "range: more than 1024 elements");
}
