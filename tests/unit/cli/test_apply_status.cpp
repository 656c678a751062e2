#include <catch2/catch.hpp>

#include "cli/apply_status.h"

using namespace plinth::cli;
using std::chrono::duration;

namespace {
ApplyProgress three_running() {
    return {"Applying", 2, 7, duration<double>(12.4),
            {{"local_file.a", "creating", duration<double>(1.5)},
             {"time_sleep.slow", "destroying", duration<double>(75)},
             {"local_file.b", "modifying", duration<double>(0.25)}}};
}
}  // namespace

TEST_CASE("apply status: headline, then the steps in progress, longest running first") {
    auto lines = render_apply_status(three_running(), {0, true, 80, 24});
    REQUIRE(lines.size() == 4);
    CHECK(lines[0] == "⠋ Applying: 2 of 7 done, 3 in progress (12s)");
    CHECK(lines[1] == "  time_sleep.slow: destroying... [1m15s]");
    CHECK(lines[2] == "  local_file.a: creating... [1.5s]");
    CHECK(lines[3] == "  local_file.b: modifying... [0.2s]");
}

TEST_CASE("apply status: the spinner turns with each tick, in ASCII outside UTF-8") {
    CHECK(render_apply_status(three_running(), {1, true, 80, 24})[0].starts_with("⠙ "));
    CHECK(render_apply_status(three_running(), {0, false, 80, 24})[0].starts_with("| "));
    CHECK(render_apply_status(three_running(), {5, false, 80, 24})[0].starts_with("/ "));
}

TEST_CASE("apply status: lines are cut to the terminal's width") {
    auto lines = render_apply_status(three_running(), {0, true, 20, 24});
    CHECK(lines[0] == "⠋ Applying: 2 of 7…");
    CHECK(lines[1] == "  time_sleep.slow:…");
    auto ascii = render_apply_status(three_running(), {0, false, 20, 24});
    CHECK(ascii[0] == "| Applying: 2 of...");
}

TEST_CASE("apply status: a short terminal lists fewer steps and counts the rest") {
    ApplyProgress many{"Destroying", 0, 40, duration<double>(3), {}};
    for (int i = 0; i < 30; ++i) many.running.push_back({"r" + std::to_string(i), "destroying", duration<double>(i)});
    auto tall = render_apply_status(many, {0, false, 80, 100});
    REQUIRE(tall.size() == 12);  // the headline, ten steps, "and 20 more"
    CHECK(tall[1] == "  r29: destroying... [29s]");
    CHECK(tall.back() == "  and 20 more");
    auto short_terminal = render_apply_status(many, {0, false, 80, 6});
    REQUIRE(short_terminal.size() == 5);
    CHECK(short_terminal.back() == "  and 27 more");
}

TEST_CASE("apply status: nothing in progress is just the headline") {
    auto lines = render_apply_status({"Applying", 0, 0, duration<double>(0), {}}, {0, false, 80, 24});
    CHECK(lines == std::vector<std::string>{"| Applying: 0 of 0 done, 0 in progress (0.0s)"});
}
