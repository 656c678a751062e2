#include "core/stack/format/yaml_equal.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace plinth::format {
namespace {

// A mapping's entries (yaml-cpp's Node assignment rebinds what the node refers to, so entries
// are never moved once taken: they are sorted through their positions).
struct Entries {
    std::vector<YAML::Node> keys;
    std::vector<YAML::Node> values;
    std::vector<std::size_t> order;
};

// The entries, ordered by key when every key is a scalar (stable: repeated keys keep their order).
Entries sorted_entries(const YAML::Node& map) {
    Entries entries;
    bool scalar_keys = true;
    for (auto it = map.begin(); it != map.end(); ++it) {
        entries.order.push_back(entries.keys.size());
        entries.keys.push_back(it->first);
        entries.values.push_back(it->second);
        scalar_keys = scalar_keys && it->first.IsScalar();
    }
    if (scalar_keys)
        std::ranges::stable_sort(entries.order, {}, [&](std::size_t i) {
            return std::pair<std::string, std::string>(entries.keys[i].Tag(), entries.keys[i].Scalar());
        });
    return entries;
}

bool entries_equal(const Entries& a, const Entries& b) {
    for (std::size_t i = 0; i < a.order.size(); ++i) {
        std::size_t left = a.order[i];
        std::size_t right = b.order[i];
        if (!yaml_equal(a.keys[left], b.keys[right]) || !yaml_equal(a.values[left], b.values[right])) return false;
    }
    return true;
}

}  // namespace

bool yaml_equal(const YAML::Node& a, const YAML::Node& b) {
    if (a.Type() != b.Type() || a.Tag() != b.Tag()) return false;
    if (a.IsScalar()) return a.Scalar() == b.Scalar();
    if (a.size() != b.size()) return false;
    if (a.IsSequence()) {
        for (auto left = a.begin(), right = b.begin(); left != a.end(); ++left, ++right)
            if (!yaml_equal(*left, *right)) return false;
        return true;
    }
    if (a.IsMap()) return entries_equal(sorted_entries(a), sorted_entries(b));
    return true;
}

}  // namespace plinth::format
