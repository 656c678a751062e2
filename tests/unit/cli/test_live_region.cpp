#include <catch2/catch.hpp>

#include "cli/live_region.h"

using plinth::cli::LiveRegion;

TEST_CASE("live region: draws its lines, then redraws them over the old ones") {
    LiveRegion region;
    CHECK(region.draw({"a", "b"}) == "a\nb\n");
    CHECK(region.draw({"c"}) == "\x1b[2A\r\x1b[Jc\n");
    CHECK(region.draw({"d", "e", "f"}) == "\x1b[1A\r\x1b[Jd\ne\nf\n");
}

TEST_CASE("live region: hides for other output and comes back below it") {
    LiveRegion region;
    region.draw({"status"});
    CHECK(region.hide() == "\x1b[1A\r\x1b[J");
    CHECK(region.hide().empty());
    CHECK_FALSE(region.empty());
    CHECK(region.restore() == "status\n");
    CHECK(region.restore() == "\x1b[1A\r\x1b[Jstatus\n");
}

TEST_CASE("live region: drawing nothing erases it for good") {
    LiveRegion region;
    CHECK(region.hide().empty());
    region.draw({"x", "y"});
    CHECK(region.draw({}) == "\x1b[2A\r\x1b[J");
    CHECK(region.empty());
    CHECK(region.restore().empty());
}
