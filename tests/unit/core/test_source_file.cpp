#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <thread>
#include <vector>

#include "core/diagnostics.h"
#include "core/source_file.h"

using plinth::SourceFile;

TEST_CASE("a source file name is one shared copy however it is made") {
    std::string name = "stacks/main.yaml";
    SourceFile from_string(name);
    SourceFile from_literal("stacks/main.yaml");
    SourceFile from_view{std::string_view(name)};
    CHECK(&from_string.str() == &from_literal.str());
    CHECK(&from_view.str() == &from_literal.str());
    CHECK(from_string == from_literal);
    CHECK_FALSE(from_string == SourceFile("stacks/other.yaml"));
}

TEST_CASE("a source file name compares with text and formats as itself") {
    SourceFile file("main.yaml");
    CHECK(file == "main.yaml");
    CHECK(file == std::string("main.yaml"));
    CHECK_FALSE(file == "main.yml");
    CHECK(fmt::format("{}:{}", file, 3) == "main.yaml:3");
    CHECK(file.str() == "main.yaml");
}

TEST_CASE("the default source file is the empty name") {
    SourceFile none;
    CHECK(none.empty());
    CHECK(none == "");
    CHECK(none == SourceFile(""));
    plinth::SourceLocation location;
    CHECK(location.to_string().empty());
}

TEST_CASE("source file names are interned safely from many threads") {
    std::vector<std::thread> threads;
    std::vector<const std::string*> seen(8);
    for (std::size_t i = 0; i < seen.size(); ++i)
        threads.emplace_back([&seen, i] {
            for (int n = 0; n < 1000; ++n) (void)SourceFile{fmt::format("f{}.yaml", n)};
            seen[i] = &SourceFile("shared.yaml").str();
        });
    for (auto& thread : threads) thread.join();
    for (const std::string* name : seen) CHECK(name == seen.front());
}
