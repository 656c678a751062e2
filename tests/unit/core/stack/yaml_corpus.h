// tests/unit/core/stack/yaml_corpus.h: the repository's YAML as test input for the property tests
// of the YAML readers and the formatter: stack files, the docs' YAML blocks, the fuzz inputs.
#pragma once

#include <string>
#include <vector>

#include "core/stack/yaml_source.h"

namespace plinth::testing {

// The text of a file, as it is on disk.
std::string read_text_file(const std::filesystem::path& path);

// Every *.yaml / *.yml file under examples/ and tests/ (valid YAML, meant as stacks or fixtures).
std::vector<YamlFile> repository_yaml_files();

// The ```yaml blocks of docs/*.md that are YAML on their own (not excerpts with elisions).
std::vector<YamlFile> docs_yaml_blocks();

// The stack loader's fuzz seeds and regressions: invalid on purpose, some of them.
std::vector<YamlFile> fuzz_stack_inputs();

}  // namespace plinth::testing
