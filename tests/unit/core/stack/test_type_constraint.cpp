#include <catch2/catch.hpp>

#include "core/stack/type_constraint.h"
#include "tests/unit/core/stack/stack_test_support.h"

using namespace plinth;

namespace {

TypeConstraint type_of(std::string_view text) {
    auto type = parse_type_constraint(text);
    if (!type) FAIL(text << ": " << type.error().summary);
    return *type;
}

// "line:column: summary" of parsing `text`, which must fail; the text starts at 4:7 of types.yaml.
std::string parse_error(std::string_view text) {
    auto type = parse_type_constraint(text, SourceLocation{"types.yaml", 4, 7});
    if (type) FAIL(text << " parsed as " << type->to_string());
    return std::to_string(type.error().location.line) + ":" + std::to_string(type.error().location.column) + ": " +
           type.error().summary;
}

Value convert(const Value& value, std::string_view type) {
    auto converted = convert_to_type(value, type_of(type), "var.x");
    if (!converted) FAIL(converted.error());
    return *converted;
}

std::string convert_error(const Value& value, std::string_view type) {
    auto converted = convert_to_type(value, type_of(type), "var.x");
    if (converted) FAIL("converted to " << to_display(*converted));
    return converted.error();
}

Value list(ValueList items) { return Value(std::move(items)); }
Value map(ValueMap entries) { return Value(std::move(entries)); }

}  // namespace

TEST_CASE("type_constraint: parsing and printing") {
    CHECK(type_of("string").kind == TypeConstraint::Kind::String);
    CHECK(type_of("any").kind == TypeConstraint::Kind::Any);
    CHECK(type_of("list").to_string() == "list(any)");
    CHECK(type_of("map").to_string() == "map(any)");
    CHECK(type_of(" list( string ) ").to_string() == "list(string)");
    CHECK(type_of("map(list(number))").to_string() == "map(list(number))");
    CHECK(type_of("set(string)").to_string() == "set(string)");
    CHECK(type_of("tuple([string, number, bool])").to_string() == "tuple([string, number, bool])");
    CHECK(type_of("tuple([])").to_string() == "tuple([])");
    CHECK(type_of("object({port = number, name = string})").to_string() == "object({name = string, port = number})");
    CHECK(type_of("object({name: string, tags: map(string)})").to_string() ==
          "object({name = string, tags = map(string)})");
    CHECK(type_of("object({\n  name = string\n  port = optional(number, 80)\n})").to_string() ==
          "object({name = string, port = optional(number, 80)})");
    CHECK(type_of("object({a = optional(string), b = optional(list(string), [\"x\"]), \"c-d\" = bool})").to_string() ==
          "object({a = optional(string), b = optional(list(string), [\"x\"]), c-d = bool})");
    CHECK(type_of("list(object({name = string, ports = list(number)}))").to_string() ==
          "list(object({name = string, ports = list(number)}))");
}

TEST_CASE("type_constraint: parse errors point inside the text") {
    CHECK(parse_error("strng") == "4:7: unknown type `strng`");
    CHECK(parse_error("list(strng)") == "4:12: unknown type `strng`");
    CHECK(parse_error("string(number)") == "4:7: `string` takes no element type");
    CHECK(parse_error("list(string") == "4:18: expected `)` to close the element type, found the end of the type");
    CHECK(parse_error("list()") == "4:12: expected a type, found `)`");
    CHECK(parse_error("list(string) x") == "4:20: unexpected `x` after the type");
    CHECK(parse_error("tuple") == "4:12: expected `(` after `tuple`: tuple([T, ...]), found the end of the type");
    CHECK(parse_error("tuple([string number])") == "4:21: expected `,` or `]` between the tuple's element types, found `n`");
    CHECK(parse_error("object({a = string, a = number})") == "4:27: attribute `a` is declared twice");
    CHECK(parse_error("object({a string})") == "4:17: expected `:` or `=` after the attribute name, found `s`");
    CHECK(parse_error("optional(string)") == "4:7: `optional` is only allowed as the type of an object attribute");
    CHECK(parse_error("list(optional(string))") == "4:12: `optional` is only allowed as the type of an object attribute");
    CHECK(parse_error("object({a = optional(number, \"x\")})") ==
          "4:36: the default: expected number, got string (of the optional attribute)");
    CHECK(parse_error("object({a = optional(number, var.x)})") == "4:36: unknown name `var`");
    CHECK(parse_error("object({a = optional(number, 1})") == "4:37: expected `)` to close `optional(`, found `}`");
    CHECK(parse_error("object({a = optional(number, [1") == "4:36: the default value is not closed: missing `)` after it");
}

TEST_CASE("type_constraint: primitive conversions") {
    CHECK(convert(Value("3"), "number") == Value(3));
    CHECK(convert(Value("-1.5e2"), "number") == Value(-150));
    CHECK(convert(Value("true"), "bool") == Value(true));
    CHECK(convert(Value("false"), "bool") == Value(false));
    CHECK(convert(Value(3), "string") == Value("3"));
    CHECK(convert(Value(2.5), "string") == Value("2.5"));
    CHECK(convert(Value(true), "string") == Value("true"));
    CHECK(convert(Value(ValueList{}), "any") == Value(ValueList{}));
}

TEST_CASE("type_constraint: failures name the path") {
    CHECK(convert_error(Value("abc"), "number") == "var.x: expected number, got string");
    CHECK(convert_error(Value("3 "), "number") == "var.x: expected number, got string");
    CHECK(convert_error(Value("yes"), "bool") == "var.x: expected bool, got string");
    CHECK(convert_error(Value(1), "bool") == "var.x: expected bool, got number");
    CHECK(convert_error(Value(ValueList{}), "string") == "var.x: expected string, got list");
    CHECK(convert_error(Value("a"), "list(string)") == "var.x: expected list(string), got string");
    CHECK(convert_error(list({80, "443", "x"}), "list(number)") == "var.x[2]: expected number, got string");
    CHECK(convert_error(map({{"owner", list({})}}), "map(string)") == "var.x[\"owner\"]: expected string, got list");
    Value servers = list({map({{"name", "a"}, {"port", 80}}), map({{"name", "b"}, {"port", 81}}),
                          map({{"name", "c"}, {"port", "http"}})});
    CHECK(convert_error(servers, "list(object({name = string, port = number}))") ==
          "var.x[2].port: expected number, got string");
}

TEST_CASE("type_constraint: collections convert their elements") {
    CHECK(convert(list({80, "443"}), "list(number)") == list({80, 443}));
    CHECK(convert(map({{"a", "1"}}), "map(number)") == map({{"a", 1}}));
    SECTION("a set drops duplicates and sorts") {
        CHECK(convert(list({"b", "a", "b"}), "set(string)") == list({"a", "b"}));
        CHECK(convert(list({3, "1", 3}), "set(number)") == list({1, 3}));
        CHECK(convert_error(Value("a"), "set(string)") == "var.x: expected set(string), got string");
    }
    SECTION("elements of any become one type") {
        CHECK(convert(list({80, "443"}), "list") == list({"80", "443"}));
        CHECK(convert(list({1, true}), "list(any)") == list({"1", "true"}));
        CHECK(convert(list({1, 2}), "list") == list({1, 2}));
        CHECK(convert(map({{"a", "b"}, {"c", 1}}), "map") == map({{"a", "b"}, {"c", "1"}}));
        CHECK(convert(list({2, "10", 2}), "set") == list({"10", "2"}));
        CHECK(convert(list({1, nullptr}), "list") == list({1, nullptr}));
        CHECK(convert_error(list({1, list({})}), "list") == "var.x: all list elements must have the same type");
        CHECK(convert_error(map({{"a", map({})}, {"b", list({})}}), "map(any)") ==
              "var.x: all map elements must have the same type");
        CHECK(convert(list({1, list({})}), "any") == list({1, list({})}));
    }
}

TEST_CASE("type_constraint: tuples") {
    CHECK(convert(list({"a", "2", "true"}), "tuple([string, number, bool])") == list({"a", 2, true}));
    CHECK(convert_error(list({"a"}), "tuple([string, number])") == "var.x: expected a tuple of 2 elements, got 1");
    CHECK(convert_error(list({"a", "b"}), "tuple([string, number])") == "var.x[1]: expected number, got string");
    CHECK(convert_error(map({}), "tuple([string])") == "var.x: expected tuple([string]), got map");
}

TEST_CASE("type_constraint: objects") {
    const std::string type = "object({name = string, port = optional(number, 80), tags = optional(map(string))})";
    SECTION("attributes convert; absent optional ones take their default or null") {
        CHECK(convert(map({{"name", "web"}, {"port", "8080"}, {"tags", map({{"a", 1}})}}), type) ==
              map({{"name", "web"}, {"port", 8080}, {"tags", map({{"a", "1"}})}}));
        CHECK(convert(map({{"name", "web"}}), type) == map({{"name", "web"}, {"port", 80}, {"tags", nullptr}}));
        CHECK(convert(map({{"name", "web"}, {"port", nullptr}}), type) ==
              map({{"name", "web"}, {"port", 80}, {"tags", nullptr}}));
    }
    SECTION("a required attribute may be null but not absent") {
        CHECK(convert(map({{"name", nullptr}}), type) == map({{"name", nullptr}, {"port", 80}, {"tags", nullptr}}));
        CHECK(convert_error(map({{"port", 1}}), type) == "var.x.name: attribute required");
    }
    SECTION("unexpected attributes are errors, with a suggestion") {
        CHECK(convert_error(map({{"nmae", "web"}}), type) == "var.x: unexpected attribute \"nmae\"; did you mean `name`?");
        CHECK(convert_error(map({{"name", "web"}, {"zzz", 1}}), type) == "var.x: unexpected attribute \"zzz\"");
    }
    SECTION("nested objects name the whole path") {
        std::string nested = "object({db = object({host = string, port = number})})";
        CHECK(convert_error(map({{"db", map({{"host", "h"}})}}), nested) == "var.x.db.port: attribute required");
        CHECK(convert_error(map({{"db", "h"}}), nested) ==
              "var.x.db: expected object({host = string, port = number}), got string");
    }
    SECTION("defaults are nested values") {
        CHECK(convert(map({}), "object({ports = optional(list(number), [80, \"443\"])})") ==
              map({{"ports", list({80, 443})}}));
    }
}

TEST_CASE("type_constraint: unknown, null and sensitive values") {
    CHECK(convert_to_type(Value::unknown(), type_of("number"), "var.n")->is_unknown());
    CHECK(convert_to_type(Value(nullptr), type_of("list(string)"), "var.l")->is_null());
    CHECK(convert(list({Value::unknown(), "1"}), "list(number)") == list({Value::unknown(), 1}));
    Value secret("5");
    secret.mark_sensitive();
    auto converted = convert_to_type(secret, type_of("number"), "var.n");
    REQUIRE(converted);
    CHECK(*converted == Value(5));
    CHECK(converted->is_sensitive());
    auto in_list = convert_to_type(list({secret, 1}), type_of("list"), "var.l");
    REQUIRE(in_list);
    CHECK(in_list->as_list()[0] == Value("5"));
    CHECK(in_list->as_list()[0].is_sensitive());
    CHECK_FALSE(in_list->as_list()[1].is_sensitive());
}
