#include <catch2/catch.hpp>

#include "plans/render_diff.h"

using namespace plinth;
using namespace plinth::plans;

namespace {
// The lines one entry "x = ..." produces at column 8, as in a resource block.
std::string diff_entry(const Value& before, const Value& after, std::vector<std::string> forced = {}) {
    RenderStyle plain;
    DiffWriter writer(plain, forced);
    std::string out;
    writer.entry(out, "x", before, after, 8, "x");
    return out;
}
}  // namespace

TEST_CASE("render_diff: outcomes of an entry") {
    RenderStyle plain;
    std::vector<std::string> none;
    DiffWriter writer(plain, none);
    std::string out;
    CHECK(writer.entry(out, "x", Value(), Value(), 8, "x") == DiffWriter::Outcome::Absent);
    CHECK(writer.entry(out, "x", "a", "a", 8, "x") == DiffWriter::Outcome::Unchanged);
    CHECK(writer.entry(out, "x", "a", Value("a").mark_sensitive(), 8, "x") == DiffWriter::Outcome::Unchanged);
    CHECK(out.empty());
    CHECK(writer.entry(out, "x", "a", "b", 8, "x") == DiffWriter::Outcome::Shown);
    CHECK(out == "      ~ x = \"a\" -> \"b\"\n");
}

TEST_CASE("render_diff: a type change and a collection becoming unknown") {
    CHECK(diff_entry(ValueList{"a"}, "a") == R"(      ~ x = [
          - "a",
        ] -> "a"
)");
    CHECK(diff_entry(ValueMap{{"k", "v"}}, Value::unknown(), {"x"}) == R"(      ~ x = {
          - "k" = "v"
        } -> (known after apply) # forces replacement
)");
}

TEST_CASE("render_diff: list elements inserted among kept ones, and a nested forced path") {
    CHECK(diff_entry(ValueList{ValueMap{{"port", 80}}, ValueMap{{"port", 443}}},
                     ValueList{ValueMap{{"port", 8080}}, ValueMap{{"port", 443}}, "new"}, {"x[0].port"}) ==
          R"(      ~ x = [
          ~ {
              ~ "port" = 80 -> 8080 # forces replacement
            },
            # (1 unchanged element hidden)
          + "new",
        ]
)");
}

TEST_CASE("render_diff: long heredocs keep one line of context around each change") {
    std::string before, after;
    for (int i = 1; i <= 9; ++i) {
        before += "line " + std::to_string(i) + "\n";
        after += (i == 5 ? std::string("five") : "line " + std::to_string(i)) + "\n";
    }
    CHECK(diff_entry(before, after) == R"(      ~ x = <<-EOT
            # (3 unchanged lines hidden)
            line 4
          - line 5
          + five
            line 6
            # (3 unchanged lines hidden)
        EOT
)");
}

TEST_CASE("render_diff: a string gaining lines, and one differing only in its final newline") {
    CHECK(diff_entry("one", "one\ntwo") == R"(      ~ x = <<-EOT
            one
          + two
        EOT
)");
    CHECK(diff_entry("one\n", "one") == "      ~ x = \"one\\n\" -> \"one\"\n");
}
