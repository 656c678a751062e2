// core/stack/format/yaml_equal.h: whether two parsed YAML documents mean the same: the same
// scalars with the same tags (quoted or plain), the same sequences in the same order, and the same
// mappings, whatever the order of their keys (a repeated key keeps its order among its copies).
#pragma once

#include <yaml-cpp/yaml.h>

namespace plinth::format {

bool yaml_equal(const YAML::Node& a, const YAML::Node& b);

}  // namespace plinth::format
