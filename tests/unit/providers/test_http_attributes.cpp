#include <catch2/catch.hpp>

#include "providers/http_client/http_attributes.h"

using namespace plinth;
using namespace plinth::providers::http_client;
using namespace plinth::net;
using std::chrono::milliseconds;

TEST_CASE("http_attributes: header maps become header lists; bad names and line breaks are refused") {
    Value config(ValueMap{{"h", Value(ValueMap{{"X-Count", Value(3)}, {"X-On", Value(true)}, {"X-Name", Value("a")}})}});
    auto headers = headers_attribute(config, "h");
    REQUIRE(headers);
    CHECK(*headers == Headers{{"X-Count", "3"}, {"X-Name", "a"}, {"X-On", "true"}});
    CHECK(headers_attribute(Value(ValueMap{}), "h")->empty());

    auto bad_name = headers_attribute(Value(ValueMap{{"h", Value(ValueMap{{"X: y", Value("a")}})}}), "h");
    REQUIRE_FALSE(bad_name);
    CHECK(bad_name.error().attribute == "h");
    CHECK_FALSE(headers_attribute(Value(ValueMap{{"h", Value(ValueMap{{"X", Value("a\r\nY: b")}})}}), "h"));
    CHECK_FALSE(headers_attribute(Value(ValueMap{{"h", Value(ValueMap{{"X", Value(ValueList{})}})}}), "h"));
}

TEST_CASE("http_attributes: durations and counts with fallbacks") {
    Value config(ValueMap{{"t", Value("1m30s")}, {"n", Value(4)}, {"bad", Value("soon")}, {"half", Value(1.5)}});
    CHECK(duration_attribute(config, "t", milliseconds{1}) == milliseconds{90'000});
    CHECK(duration_attribute(config, "missing", milliseconds{7}) == milliseconds{7});
    CHECK(duration_attribute(config, "bad", milliseconds{7}).error().attribute == "bad");
    CHECK(count_attribute(config, "n", 0) == 4);
    CHECK(count_attribute(config, "missing", 2) == 2);
    CHECK_FALSE(count_attribute(config, "half", 0));
}
