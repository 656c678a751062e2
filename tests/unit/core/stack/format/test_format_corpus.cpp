// Property: every YAML file of the repository (examples, test fixtures, golden files) and every
// YAML block of the docs keeps its meaning when formatted, and formatting it again changes nothing.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/stack/format/stack_formatter.h"
#include "core/stack/format/yaml_equal.h"

using namespace plinth;
namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<YamlFile> repository_yaml_files() {
    std::vector<YamlFile> files;
    for (const char* dir : {"examples", "tests"})
        for (const auto& entry : fs::recursive_directory_iterator(fs::path(PLINTH_SOURCE_DIR) / dir)) {
            auto extension = entry.path().extension();
            if (entry.is_regular_file() && (extension == ".yaml" || extension == ".yml"))
                files.push_back({entry.path().string(), read_text(entry.path())});
        }
    return files;
}

// The ```yaml blocks of docs/*.md that are YAML on their own.
std::vector<YamlFile> docs_yaml_blocks() {
    std::vector<YamlFile> blocks;
    for (const auto& entry : fs::directory_iterator(fs::path(PLINTH_SOURCE_DIR) / "docs")) {
        std::istringstream doc(read_text(entry.path()));
        std::string line;
        std::string block;
        bool inside = false;
        int number = 0;
        while (std::getline(doc, line)) {
            ++number;
            if (!inside && line == "```yaml") {
                inside = true;
                block.clear();
            } else if (inside && line == "```") {
                inside = false;
                try {
                    YAML::LoadAll(block);
                    blocks.push_back({entry.path().filename().string() + ":" + std::to_string(number), block});
                } catch (const YAML::Exception&) {
                    // an excerpt with elisions, not YAML on its own
                }
            } else if (inside) {
                block += line + "\n";
            }
        }
    }
    return blocks;
}

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
