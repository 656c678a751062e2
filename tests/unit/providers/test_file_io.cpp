#include <catch2/catch.hpp>

#include "providers/local/file_io.h"
#include "temp_dir.h"

using namespace plinth::providers::local;

TEST_CASE("file_io: permission strings") {
    CHECK(parse_permission("0644") == 0644);
    CHECK(parse_permission("755") == 0755);
    CHECK(parse_permission("4755") == 04755);
    CHECK_FALSE(parse_permission("0648"));
    CHECK_FALSE(parse_permission("64"));
    CHECK_FALSE(parse_permission("rw-r--r--"));
    CHECK(format_permission(0600) == "0600");
    CHECK(format_permission(0100644) == "0644");
}

TEST_CASE("file_io: read, write and remove") {
    plinth::testing::TempDir dir;
    std::string path = dir.file("f");
    auto missing = read_file(path);
    REQUIRE(missing);
    CHECK_FALSE(*missing);
    REQUIRE(write_file(path, "one", 0600, 0755));
    REQUIRE(write_file(path, "two", 0644, 0755));
    auto read = read_file(path);
    REQUIRE(read);
    CHECK(**read == "two");
    CHECK(*file_mode(path) == 0644);
    CHECK_FALSE(read_file(dir.path().string()));  // a directory is an error, not "gone"
    REQUIRE(remove_file(path));
    REQUIRE(remove_file(path));
}
