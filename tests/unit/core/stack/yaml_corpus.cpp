#include "tests/unit/core/stack/yaml_corpus.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/expr/yaml_documents.h"

namespace plinth::testing {

namespace fs = std::filesystem;

std::string read_text_file(const fs::path& path) {
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
                files.push_back({entry.path().string(), read_text_file(entry.path())});
        }
    return files;
}

// The ```yaml blocks of docs/*.md that are YAML on their own.
std::vector<YamlFile> docs_yaml_blocks() {
    std::vector<YamlFile> blocks;
    for (const auto& entry : fs::directory_iterator(fs::path(PLINTH_SOURCE_DIR) / "docs")) {
        std::istringstream doc(read_text_file(entry.path()));
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
                    load_yaml_documents(block);
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

std::vector<YamlFile> fuzz_stack_inputs() {
    std::vector<YamlFile> inputs;
    for (const char* dir : {"tests/fuzz/corpus/stack_loader", "tests/fuzz/regressions/stack_loader"})
        for (const auto& entry : fs::directory_iterator(fs::path(PLINTH_SOURCE_DIR) / dir))
            inputs.push_back({entry.path().string(), read_text_file(entry.path())});
    return inputs;
}

}  // namespace plinth::testing
