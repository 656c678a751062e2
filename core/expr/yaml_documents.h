// core/expr/yaml_documents.h: every document of a YAML text, as YAML::LoadAll gives them, but
// without yaml-cpp 0.7's endless loop: on a stray `,` outside brackets (a file holding just `,`)
// LoadAll adds empty documents forever (fixed upstream in yaml-cpp 0.8, PR 1319). Stack files,
// `plinth fmt` and yamldecode() read YAML through this.
#pragma once

#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace plinth {

// The documents of `text`; throws YAML::ParserException on invalid YAML, as LoadAll does, and on
// input that would make LoadAll loop.
std::vector<YAML::Node> load_yaml_documents(const std::string& text);

}  // namespace plinth
