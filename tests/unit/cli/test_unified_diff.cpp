#include <catch2/catch.hpp>

#include "cli/unified_diff.h"

using plinth::cli::unified_diff;

TEST_CASE("unified_diff: equal texts have no diff") { CHECK(unified_diff("a", "b", "x\ny\n", "x\ny\n").empty()); }

TEST_CASE("unified_diff: a change with three lines of context on each side") {
    CHECK(unified_diff("old/f", "new/f", "1\n2\n3\n4\n5\n6\n7\n8\n", "1\n2\n3\n4\nfive\n6\n7\n8\n") ==
          "--- old/f\n+++ new/f\n"
          "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST_CASE("unified_diff: changes far apart are separate hunks, near ones share one") {
    std::string before;
    for (int i = 1; i <= 20; ++i) before += std::to_string(i) + "\n";
    std::string after = before;
    after.replace(after.find("2\n"), 2, "two\n");
    after.replace(after.find("\n18\n") + 1, 3, "");
    CHECK(unified_diff("a", "b", before, after) ==
          "--- a\n+++ b\n"
          "@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n"
          "@@ -15,6 +15,5 @@\n 15\n 16\n 17\n-18\n 19\n 20\n");
    CHECK(unified_diff("a", "b", "1\n2\n3\n4\n5\n", "one\n2\n3\n4\nfive\n") ==
          "--- a\n+++ b\n@@ -1,5 +1,5 @@\n-1\n+one\n 2\n 3\n 4\n-5\n+five\n");
}

TEST_CASE("unified_diff: lines only added or only removed, and a missing final newline") {
    CHECK(unified_diff("a", "b", "", "x\n") == "--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n");
    CHECK(unified_diff("a", "b", "x\ny\n", "y\n") == "--- a\n+++ b\n@@ -1,2 +1 @@\n-x\n y\n");
    CHECK(unified_diff("a", "b", "x", "x\n") == "--- a\n+++ b\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+x\n");
}
