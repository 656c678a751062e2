#include <catch2/catch.hpp>

#include "core/duration.h"

using namespace std::chrono_literals;
using plinth::parse_duration;

TEST_CASE("duration: Go-style durations") {
    CHECK(*parse_duration("40ms") == 40ms);
    CHECK(*parse_duration("3s") == 3s);
    CHECK(*parse_duration("1m30s") == 90s);
    CHECK(*parse_duration("2h") == 2h);
    CHECK(*parse_duration("1.5h") == 90min);
    CHECK(*parse_duration(".5s") == 500ms);
    CHECK(*parse_duration("1h2m3s4ms5us6ns") == 1h + 2min + 3s + 4ms + 5us + 6ns);
    CHECK(*parse_duration("2µs") == 2us);
    CHECK(*parse_duration("0") == 0ns);
    CHECK(*parse_duration("0s") == 0ns);
    CHECK(*parse_duration("+5s") == 5s);
    CHECK(*parse_duration("1.0000000009s") == 1s);
}

TEST_CASE("duration: malformed durations say what is wrong") {
    CHECK(parse_duration("").error() == "empty duration");
    CHECK(parse_duration("3").error() == "missing unit in duration \"3\" (use ns, us, ms, s, m or h)");
    CHECK(parse_duration("3x").error() == "unknown unit \"x\" in duration \"3x\" (use ns, us, ms, s, m or h)");
    CHECK(parse_duration("3 s").error() == "unknown unit \" s\" in duration \"3 s\" (use ns, us, ms, s, m or h)");
    CHECK(parse_duration("s").error() == "invalid duration \"s\": expected a number");
    CHECK(parse_duration("1.2.3s").error() == "invalid duration \"1.2.3s\": expected a number");
    CHECK(parse_duration("-1s").error() == "negative duration \"-1s\"");
    CHECK(parse_duration("99999999999h").error() == "duration \"99999999999h\" is too long");
    CHECK_FALSE(parse_duration("2000000h2000000h"));
}
