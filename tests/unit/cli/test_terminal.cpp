#include <catch2/catch.hpp>

#include <cstdlib>

#include "cli/terminal.h"
#include "tests/unit/fake_environment.h"

using namespace plinth::cli;

TEST_CASE("terminal: colour only on a terminal, and never when asked not to") {
    CHECK(color_wanted(false, true, nullptr, "xterm-256color"));
    CHECK(color_wanted(false, true, "", nullptr));
    CHECK_FALSE(color_wanted(true, true, nullptr, "xterm"));
    CHECK_FALSE(color_wanted(false, false, nullptr, "xterm"));
    CHECK_FALSE(color_wanted(false, true, "1", "xterm"));
    CHECK_FALSE(color_wanted(false, true, nullptr, "dumb"));
}

TEST_CASE("terminal: this process decides from its own stdout and environment") {
    ::setenv("NO_COLOR", "1", 1);
    CHECK_FALSE(use_color(false));
    ::unsetenv("NO_COLOR");
    CHECK(use_color(false) == (stdout_is_terminal() && !(std::getenv("TERM") && std::string(std::getenv("TERM")) == "dumb")));
    CHECK_FALSE(use_color(true));
}

TEST_CASE("terminal: styling helpers") {
    CHECK(bold("x", false) == "x");
    CHECK(bold("x", true) == "\x1b[1mx\x1b[0m");
    CHECK(red("x", true) == "\x1b[31mx\x1b[0m");
    CHECK(green("x", true) == "\x1b[32mx\x1b[0m");
    CHECK(yellow("x", true) == "\x1b[33mx\x1b[0m");
    CHECK(yellow("x", false) == "x");
}

TEST_CASE("terminal: the status area redraws only on a terminal that is not dumb") {
    CHECK(live_output_wanted(true, "xterm"));
    CHECK(live_output_wanted(true, nullptr));
    CHECK_FALSE(live_output_wanted(false, "xterm"));
    CHECK_FALSE(live_output_wanted(true, "dumb"));
}

TEST_CASE("terminal: UTF-8 from the first locale variable that is set") {
    using plinth::testing::environment_of;
    CHECK(utf8_locale(environment_of({{"LANG", "en_US.UTF-8"}})));
    CHECK(utf8_locale(environment_of({{"LC_CTYPE", "C.utf8"}, {"LANG", "C"}})));
    CHECK_FALSE(utf8_locale(environment_of({{"LC_ALL", "C"}, {"LANG", "en_US.UTF-8"}})));
    CHECK_FALSE(utf8_locale(environment_of({})));
}
