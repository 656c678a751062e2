#include <catch2/catch.hpp>

#include "core/stack/fingerprint.h"
#include "tests/unit/core/stack/stack_test_support.h"

using namespace plinth;
using namespace plinth::testing;

TEST_CASE("fingerprint: stable for the same files, whatever order they are given in") {
    StackFile a{"a.yaml", "stack: f\n"};
    StackFile b{"b.yaml", "locals: { x: 1 }\n"};
    auto first = load_files({a, b});
    auto second = load_files({b, a});
    REQUIRE(first);
    REQUIRE(second);
    CHECK(first->fingerprint == second->fingerprint);
    CHECK(first->fingerprint == stack_fingerprint({a, b}));
}

TEST_CASE("fingerprint: changes with any byte or name") {
    std::string base = stack_fingerprint({{"a.yaml", "stack: f\n"}});
    CHECK(base.size() == 64);
    CHECK(stack_fingerprint({{"a.yaml", "stack: f \n"}}) != base);
    CHECK(stack_fingerprint({{"b.yaml", "stack: f\n"}}) != base);
    // Moving bytes between a name and a content, or between files, is a different stack.
    CHECK(stack_fingerprint({{"a", "bc"}}) != stack_fingerprint({{"ab", "c"}}));
    CHECK(stack_fingerprint({{"a", "x"}, {"b", ""}}) != stack_fingerprint({{"a", ""}, {"b", "x"}}));
}

TEST_CASE("fingerprint: load_stack and load_stack_from_files agree") {
    TempDir dir;
    dir.write("main.yaml", "stack: f\n");
    auto from_disk = load_stack(dir.path());
    REQUIRE(from_disk);
    CHECK(from_disk->fingerprint == stack_fingerprint({{"main.yaml", "stack: f\n"}}));
}
