#include <catch2/catch.hpp>

#include "core/stack/type_constraint.h"

using namespace plinth;

namespace {

TypeConstraint type_of(std::string_view text) {
    auto type = parse_type_constraint(text);
    REQUIRE(type);
    return *type;
}

}  // namespace

TEST_CASE("type_constraint: parsing and printing") {
    CHECK(type_of("string").kind == TypeConstraint::Kind::String);
    CHECK(type_of("any").kind == TypeConstraint::Kind::Any);
    CHECK(type_of("list").to_string() == "list");
    CHECK(type_of(" list( string ) ").to_string() == "list(string)");
    CHECK(type_of("map(list(number))").to_string() == "map(list(number))");
    CHECK_FALSE(parse_type_constraint("strng"));
    CHECK_FALSE(parse_type_constraint("string(number)"));
    CHECK_FALSE(parse_type_constraint("list(string"));
    CHECK_FALSE(parse_type_constraint("list()"));
    CHECK_FALSE(parse_type_constraint("object({a = string})"));
}

TEST_CASE("type_constraint: primitive conversions") {
    CHECK(convert_to_type(Value("3"), type_of("number"), "var.n") == Value(3));
    CHECK(convert_to_type(Value("-1.5e2"), type_of("number"), "var.n") == Value(-150));
    CHECK(convert_to_type(Value("true"), type_of("bool"), "var.b") == Value(true));
    CHECK(convert_to_type(Value("false"), type_of("bool"), "var.b") == Value(false));
    CHECK(convert_to_type(Value(3), type_of("string"), "var.s") == Value("3"));
    CHECK(convert_to_type(Value(2.5), type_of("string"), "var.s") == Value("2.5"));
    CHECK(convert_to_type(Value(true), type_of("string"), "var.s") == Value("true"));
    CHECK(convert_to_type(Value(ValueList{}), type_of("any"), "var.a") == Value(ValueList{}));
}

TEST_CASE("type_constraint: failures name the path") {
    CHECK(convert_to_type(Value("abc"), type_of("number"), "var.n").error() == "var.n: expected number, got string");
    CHECK(convert_to_type(Value("3 "), type_of("number"), "var.n").error() == "var.n: expected number, got string");
    CHECK(convert_to_type(Value("yes"), type_of("bool"), "var.b").error() == "var.b: expected bool, got string");
    CHECK(convert_to_type(Value(1), type_of("bool"), "var.b").error() == "var.b: expected bool, got number");
    CHECK(convert_to_type(Value(ValueList{}), type_of("string"), "var.s").error() == "var.s: expected string, got list");
    CHECK(convert_to_type(Value("a"), type_of("list(string)"), "var.l").error() ==
          "var.l: expected list(string), got string");
    ValueList ports{Value(80), Value("443"), Value("x")};
    CHECK(convert_to_type(Value(ports), type_of("list(number)"), "var.ports").error() ==
          "var.ports[2]: expected number, got string");
    ValueMap tags{{"owner", Value(ValueList{})}};
    CHECK(convert_to_type(Value(tags), type_of("map(string)"), "var.tags").error() ==
          "var.tags[\"owner\"]: expected string, got list");
}

TEST_CASE("type_constraint: collections convert their elements") {
    ValueList ports{Value(80), Value("443")};
    CHECK(convert_to_type(Value(ports), type_of("list(number)"), "var.p") == Value(ValueList{Value(80), Value(443)}));
    CHECK(convert_to_type(Value(ports), type_of("list"), "var.p") == Value(ports));
    ValueMap sizes{{"a", Value("1")}};
    CHECK(convert_to_type(Value(sizes), type_of("map(number)"), "var.m") == Value(ValueMap{{"a", Value(1)}}));
}

TEST_CASE("type_constraint: unknown, null and sensitive values") {
    CHECK(convert_to_type(Value::unknown(), type_of("number"), "var.n")->is_unknown());
    CHECK(convert_to_type(Value(nullptr), type_of("list(string)"), "var.l")->is_null());
    Value secret("5");
    secret.mark_sensitive();
    auto converted = convert_to_type(secret, type_of("number"), "var.n");
    REQUIRE(converted);
    CHECK(*converted == Value(5));
    CHECK(converted->is_sensitive());
}
