#include <catch2/catch.hpp>
#include <regex>

#include "expr_test_support.h"

using namespace plinth;
using namespace plinth::expr;
using namespace plinth::expr::testing;

TEST_CASE("expr: timestamp") {
    Value now = eval("${timestamp()}");
    REQUIRE(now.is_string());
    CHECK(std::regex_match(now.as_string(), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
    CHECK(error_of("${timestamp(1)}") == "timestamp: expects 0 arguments, got 1");
}

TEST_CASE("expr: formatdate") {
    CHECK(eval("${formatdate(\"DD MMM YYYY hh:mm ZZZ\", \"2018-01-02T23:12:01Z\")}") == Value("02 Jan 2018 23:12 UTC"));
    CHECK(eval("${formatdate(\"EEEE, DD-MMM-YY hh:mm:ss ZZZ\", \"2018-01-02T23:12:01Z\")}") ==
          Value("Tuesday, 02-Jan-18 23:12:01 UTC"));
    CHECK(eval("${formatdate(\"EEE, DD MMM YYYY hh:mm:ss ZZZ\", \"2018-01-02T23:12:01-08:00\")}") ==
          Value("Tue, 02 Jan 2018 23:12:01 -0800"));
    CHECK(eval("${formatdate(\"MMM DD, YYYY\", \"2018-01-02T23:12:01Z\")}") == Value("Jan 02, 2018"));
    CHECK(eval("${formatdate(\"HH:mmaa\", \"2018-01-02T23:12:01Z\")}") == Value("11:12pm"));
    CHECK(eval("${formatdate(\"h'h'm, D MMMM, AA ZZZZZ Z\", \"2018-03-04T05:06:07.5+05:30\")}") ==
          Value("5h6, 4 March, AM +05:30 +05:30"));
    CHECK(eval("${formatdate(\"'it''s' Z\", \"2018-01-02T23:12:01Z\")}") == Value("it's Z"));
    CHECK(error_of("${formatdate(\"YYYYY\", \"2018-01-02T23:12:01Z\")}") == "formatdate: invalid date format verb \"YYYYY\"");
    CHECK(error_of("${formatdate(\"YYYY\", \"2018-13-02T23:12:01Z\")}") ==
          "formatdate: \"2018-13-02T23:12:01Z\" is not a valid RFC 3339 timestamp");
}

TEST_CASE("expr: timeadd") {
    CHECK(eval("${timeadd(\"2017-11-22T00:00:00Z\", \"10m\")}") == Value("2017-11-22T00:10:00Z"));
    CHECK(eval("${timeadd(\"2017-11-22T00:00:00Z\", \"-1h\")}") == Value("2017-11-21T23:00:00Z"));
    CHECK(eval("${timeadd(\"2017-11-22T23:30:00+01:00\", \"1h30m\")}") == Value("2017-11-23T01:00:00+01:00"));
    CHECK(error_of("${timeadd(\"2017-11-22T00:00:00Z\", \"10x\")}").starts_with("timeadd: invalid duration \"10x\""));
    CHECK(error_of("${timeadd(\"yesterday\", \"1h\")}") == "timeadd: \"yesterday\" is not a valid RFC 3339 timestamp");
}
