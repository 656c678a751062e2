#include <catch2/catch.hpp>

#include <string>

#include "plans/sequence_diff.h"

using namespace plinth::plans;

namespace {
// Edits as a compact string: "=a" kept, "-b" removed, "+c" inserted.
std::string script(const std::string& before, const std::string& after) {
    std::string out;
    for (const auto& edit : diff_sequences(before.size(), after.size(),
                                           [&](std::size_t i, std::size_t j) { return before[i] == after[j]; })) {
        switch (edit.op) {
        case Edit::Op::Keep: out += std::string("=") + before[edit.before]; break;
        case Edit::Op::Remove: out += std::string("-") + before[edit.before]; break;
        case Edit::Op::Insert: out += std::string("+") + after[edit.after]; break;
        }
    }
    return out;
}
}  // namespace

TEST_CASE("sequence_diff: keeps the longest common subsequence, removals first") {
    CHECK(script("abcd", "acde") == "=a-b=c=d+e");
    CHECK(script("abc", "abc") == "=a=b=c");
    CHECK(script("", "ab") == "+a+b");
    CHECK(script("ab", "") == "-a-b");
    CHECK(script("axb", "ayb") == "=a-x+y=b");
    CHECK(script("xaby", "ab") == "-x=a=b-y");
}

TEST_CASE("sequence_diff: very long changed stretches become one replacement") {
    std::string before(1500, 'a'), after(1500, 'b');
    before[700] = 'c';
    after[700] = 'c';
    auto edits = diff_sequences(before.size(), after.size(),
                                [&](std::size_t i, std::size_t j) { return before[i] == after[j]; });
    CHECK(edits.size() == 3000);
    CHECK(edits.front().op == Edit::Op::Remove);
    CHECK(edits.back().op == Edit::Op::Insert);
}
