#include <catch2/catch.hpp>

#include "providers/plugin/line_splitter.h"

using namespace plinth::providers;
using Lines = std::vector<std::string>;

TEST_CASE("line_splitter: lines come out whole however the bytes are cut") {
    LineSplitter lines;
    CHECK(lines.feed("{\"id\":").empty());
    CHECK(lines.feed("1}\n{\"id\"") == Lines{"{\"id\":1}"});
    CHECK(lines.feed(":2}\r\n\nlast") == Lines{"{\"id\":2}", ""});
    CHECK(lines.finish() == Lines{"last"});
    CHECK(lines.finish().empty());
}
