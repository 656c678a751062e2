// Property: every YAML file of the repository (examples, test fixtures, golden files) and every
// YAML block of the docs keeps its meaning when formatted, and formatting it again changes nothing.
#include <catch2/catch.hpp>

#include "core/stack/format/stack_formatter.h"
#include "core/stack/format/yaml_equal.h"
#include "tests/unit/core/stack/yaml_corpus.h"

using namespace plinth;
using namespace plinth::testing;

namespace {

void check_formatting_keeps_meaning(const YamlFile& file) {
    INFO(file.display_name);
    auto once = format::format_stack_file(file);
    REQUIRE(once);
    auto before = YAML::LoadAll(file.content);
    auto after = YAML::LoadAll(once->text);
    REQUIRE(before.size() == after.size());
    for (std::size_t i = 0; i < before.size(); ++i) CHECK(format::yaml_equal(before[i], after[i]));
    auto twice = format::format_stack_file(YamlFile{file.display_name, once->text});
    REQUIRE(twice);
    CHECK(twice->text == once->text);
}

}  // namespace

TEST_CASE("format_corpus: the repository's YAML files keep their meaning and format once") {
    auto files = repository_yaml_files();
    CHECK(files.size() >= 9);
    for (const auto& file : files) check_formatting_keeps_meaning(file);
}

TEST_CASE("format_corpus: the YAML blocks of the docs keep their meaning and format once") {
    auto blocks = docs_yaml_blocks();
    CHECK(blocks.size() >= 20);
    for (const auto& block : blocks) check_formatting_keeps_meaning(block);
}
