#include <catch2/catch.hpp>

#include <utility>

#include "core/value.h"

using namespace plinth;

TEST_CASE("value: kinds and accessors") {
    CHECK(Value().is_null());
    CHECK(Value(nullptr).kind() == ValueKind::Null);
    CHECK(Value(true).as_bool());
    CHECK(Value(3).as_number() == 3.0);
    CHECK(Value(std::int64_t{1} << 40).as_number() == 1099511627776.0);
    CHECK(Value("s").as_string() == "s");
    CHECK(Value(std::string_view("v")).is_string());
    CHECK(Value(ValueList{1, 2}).as_list().size() == 2);
    CHECK(Value(ValueMap{{"k", 1}}).is_map());
    CHECK(Value::unknown().is_unknown());
    CHECK_THROWS_AS(Value(1).as_string(), std::bad_variant_access);
}

TEST_CASE("value: kind names") {
    CHECK(kind_name(ValueKind::Null) == "null");
    CHECK(kind_name(ValueKind::Number) == "number");
    CHECK(kind_name(ValueKind::Map) == "map");
    CHECK(kind_name(ValueKind::Unknown) == "unknown");
    CHECK(kind_name(Value(ValueList{}).kind()) == "list");
}

TEST_CASE("value: wholly known looks inside collections") {
    CHECK(Value(ValueMap{{"a", ValueList{1, "x"}}}).is_wholly_known());
    CHECK_FALSE(Value(ValueMap{{"a", ValueList{1, Value::unknown()}}}).is_wholly_known());
    CHECK_FALSE(Value::unknown().is_wholly_known());
}

TEST_CASE("value: find looks up map members only") {
    Value map(ValueMap{{"k", "v"}});
    REQUIRE(map.find("k"));
    CHECK(map.find("k")->as_string() == "v");
    CHECK(map.find("missing") == nullptr);
    CHECK(Value("k").find("k") == nullptr);
}

TEST_CASE("value: sensitive marks are kept apart from equality") {
    Value secret = Value("pw").mark_sensitive();
    CHECK(secret.is_sensitive());
    CHECK(secret == Value("pw"));
    CHECK_FALSE(secret.mark_sensitive(false).is_sensitive());
    Value nested(ValueMap{{"list", ValueList{1, Value(2).mark_sensitive()}}});
    CHECK_FALSE(nested.is_sensitive());
    CHECK(nested.contains_sensitive());
    CHECK_FALSE(Value(ValueList{1, 2}).contains_sensitive());
}

TEST_CASE("value: identical values are equal with the same sensitive marks throughout") {
    Value plain(ValueMap{{"a", Value(ValueList{Value("x"), Value(1)})}, {"b", Value("y")}});
    Value same(ValueMap{{"a", Value(ValueList{Value("x"), Value(1)})}, {"b", Value("y")}});
    CHECK(plain.identical(same));
    CHECK(plain.identical(Value(plain)));  // a copy shares the map
    Value nested_mark = same;
    nested_mark.as_map()["a"].as_list()[0].mark_sensitive();
    CHECK(nested_mark == plain);
    CHECK_FALSE(nested_mark.identical(plain));
    Value top_mark = plain;
    top_mark.mark_sensitive();
    CHECK_FALSE(top_mark.identical(plain));
    CHECK_FALSE(plain.identical(Value(ValueMap{{"a", Value(ValueList{Value("x")})}, {"b", Value("y")}})));
    CHECK_FALSE(Value("1").identical(Value(1)));
    CHECK(Value::unknown().identical(Value::unknown()));
}

TEST_CASE("value: equality is structural") {
    CHECK(Value(ValueList{1, "a"}) == Value(ValueList{1, "a"}));
    CHECK_FALSE(Value(1) == Value("1"));
    CHECK(Value::unknown() == Value::unknown());
    CHECK_FALSE(Value(ValueMap{{"a", 1}}) == Value(ValueMap{{"a", 2}}));
}

TEST_CASE("value: numbers are formatted as users write them") {
    CHECK(format_number(3) == "3");
    CHECK(format_number(-12) == "-12");
    CHECK(format_number(0.5) == "0.5");
    CHECK(format_number(1e20) == "1e+20");
    CHECK(format_number(0.1) == "0.1");
}

TEST_CASE("value: display rendering") {
    CHECK(to_display(Value()) == "null");
    CHECK(to_display(Value(false)) == "false");
    CHECK(to_display(Value("a\"b\n")) == "\"a\\\"b\\n\"");
    CHECK(to_display(Value::unknown()) == "(known after apply)");
    CHECK(to_display(Value(ValueList{1, "x"})) == "[1, \"x\"]");
    CHECK(to_display(Value(ValueMap{{"b", 2}, {"a", true}})) == "{\"a\" = true, \"b\" = 2}");
    CHECK(to_display(Value(ValueList{})) == "[]");
}

TEST_CASE("value: copies share lists and maps until one of them is written") {
    Value original(ValueMap{{"tags", Value(ValueMap{{"env", "dev"}})}, {"ports", Value(ValueList{Value(80)})}});
    Value copy = original;
    CHECK(&std::as_const(copy).as_map() == &std::as_const(original).as_map());  // shared, not copied
    copy.as_map()["tags"].as_map()["env"] = "prod";
    copy.as_map()["ports"].as_list().push_back(Value(443));
    CHECK(original.find("tags")->find("env")->as_string() == "dev");
    CHECK(original.find("ports")->as_list().size() == 1);
    CHECK(copy.find("tags")->find("env")->as_string() == "prod");
    CHECK(copy != original);
    Value same = original;
    CHECK(same == original);
    same.mark_sensitive();  // marks belong to the value, not to what it shares
    CHECK_FALSE(original.is_sensitive());
}

TEST_CASE("value: a moved-from list or map reads as empty") {
    Value list(ValueList{Value(1)});
    Value taken = std::move(list);
    CHECK(taken.as_list().size() == 1);
    CHECK(std::as_const(list).as_list().empty());
    list.as_list().push_back(Value(2));
    CHECK(list.as_list().size() == 1);
    CHECK(taken.as_list().size() == 1);
}

TEST_CASE("value: copies and moves carry the kind, the payload and the mark") {
    Value text = Value("a long string that does not fit in place").mark_sensitive();
    Value copy = text;
    CHECK(copy == text);
    CHECK(copy.is_sensitive());
    Value moved = std::move(text);
    CHECK(moved.as_string() == "a long string that does not fit in place");
    CHECK(moved.is_sensitive());
    CHECK(text.is_string());  // a moved-from value keeps its kind, with an empty payload
    CHECK(text.as_string().empty());

    Value map(ValueMap{{"k", 1}});
    Value taken = std::move(map);
    CHECK(map.is_map());
    CHECK(map.as_map().empty());
    CHECK(taken.as_map().at("k") == Value(1));

    Value number = 2;
    number = Value("now a string");
    CHECK(number.as_string() == "now a string");
    number = Value::unknown();
    CHECK(number.is_unknown());
    CHECK_FALSE(number.is_sensitive());
}

TEST_CASE("value: assigning a value that lives inside the target itself") {
    Value outer(ValueMap{{"inner", Value(ValueMap{{"leaf", Value("a string long enough to be on the heap")}})}});
    outer = outer.as_map().at("inner");  // the map holding the source goes once assigned
    CHECK(outer.as_map().at("leaf").as_string() == "a string long enough to be on the heap");
    outer = std::move(outer.as_map()["leaf"]);
    CHECK(outer.as_string() == "a string long enough to be on the heap");
    Value list(ValueList{Value(ValueList{1, 2})});
    list = list.as_list()[0];
    CHECK(list == Value(ValueList{1, 2}));
    Value self = Value("x");
    Value& alias = self;
    self = alias;
    self = std::move(alias);
    CHECK(self.as_string() == "x");
}
