#include <catch2/catch.hpp>

#include "core/value_json.h"

using namespace plinth;
using nlohmann::json;

TEST_CASE("value_json: plain JSON round trip") {
    json doc = json::parse(R"({"s": "x", "n": 3, "f": 1.5, "b": true, "z": null, "l": [1, "a"], "m": {"k": []}})");
    Value value = from_json(doc);
    CHECK(value.find("n")->as_number() == 3);
    CHECK(value.find("f")->as_number() == 1.5);
    CHECK(value.find("z")->is_null());
    CHECK(value.find("l")->as_list()[1].as_string() == "a");
    CHECK(to_json(value) == doc);
}

TEST_CASE("value_json: integral numbers become JSON integers") {
    CHECK(to_json(Value(42)).is_number_integer());
    CHECK(to_json(Value(42)).dump() == "42");
    CHECK(to_json(Value(2.5)).is_number_float());
    CHECK(to_json(Value(1e300)).is_number_float());
    CHECK(from_json(json(std::uint64_t{18446744073709551615ULL})).as_number() > 1.8e19);
}

TEST_CASE("value_json: plain form drops unknowns and sensitive marks") {
    Value value(ValueMap{{"u", Value::unknown()}, {"p", Value("pw").mark_sensitive()}});
    CHECK(to_json(value) == json{{"u", nullptr}, {"p", "pw"}});
}

TEST_CASE("value_json: tagged form keeps unknowns and sensitive marks") {
    Value value(ValueMap{{"u", Value::unknown()}, {"p", Value("pw").mark_sensitive()}, {"n", ValueList{1}}});
    json tagged = to_tagged_json(value);
    CHECK(tagged["u"] == json{{"$unknown", true}});
    CHECK(tagged["p"] == json{{"$sensitive", "pw"}});
    Value back = from_tagged_json(tagged);
    CHECK(back == value);
    CHECK(back.find("u")->is_unknown());
    CHECK(back.find("p")->is_sensitive());
    CHECK_FALSE(back.find("n")->is_sensitive());
}

TEST_CASE("value_json: tags are plain maps in the plain form") {
    Value value = from_json(json{{"$unknown", true}});
    CHECK(value.is_map());
    CHECK(value.find("$unknown")->as_bool());
}

TEST_CASE("value_json: wire form keeps unknowns and drops sensitive marks") {
    Value value(ValueMap{{"u", Value::unknown()}, {"p", Value("pw").mark_sensitive()}, {"l", ValueList{Value::unknown()}}});
    json wire = to_wire_json(value);
    CHECK(wire == json::parse(R"({"u": {"$unknown": true}, "p": "pw", "l": [{"$unknown": true}]})"));
    Value back = from_tagged_json(wire);
    CHECK(back == value);
    CHECK_FALSE(back.contains_sensitive());
}
