#include <catch2/catch.hpp>

#include <algorithm>

#include "core/stack/format/canonical_order.h"
#include "core/stack/loader.h"

using namespace plinth;
using namespace plinth::format;

namespace {

std::vector<std::string> ordered(MappingRole role, const std::vector<std::string>& keys) {
    std::vector<std::string> result;
    for (std::size_t i : canonical_order(role, keys)) result.push_back(keys[i]);
    return result;
}

}  // namespace

TEST_CASE("canonical_order: every top-level key of a stack has its place, once") {
    auto sections = canonical_sections();
    CHECK(sections.size() == k_top_level_keys.size());
    for (std::string_view key : k_top_level_keys) CHECK(std::ranges::count(sections, key) == 1);
}

TEST_CASE("canonical_order: roles follow the sections down to the declarations") {
    CHECK(role_of_value(MappingRole::TopLevel, "resources") == MappingRole::Resources);
    CHECK(role_of_value(MappingRole::TopLevel, "data") == MappingRole::Resources);
    CHECK(role_of_value(MappingRole::Resources, "web") == MappingRole::Resource);
    CHECK(role_of_value(MappingRole::Variables, "env") == MappingRole::Variable);
    CHECK(role_of_value(MappingRole::Outputs, "url") == MappingRole::Output);
    CHECK(role_of_value(MappingRole::Modules, "net") == MappingRole::ModuleCall);
    CHECK(role_of_value(MappingRole::TopLevel, "locals") == MappingRole::Other);
    CHECK(role_of_value(MappingRole::Resource, "properties") == MappingRole::Other);
    CHECK(role_of_value(MappingRole::Other, "resources") == MappingRole::Other);
}

TEST_CASE("canonical_order: known keys first in their order, the rest after them as they came") {
    CHECK(ordered(MappingRole::Resource,
                  {"extra", "lifecycle", "properties", "depends_on", "count", "provider", "type"}) ==
          std::vector<std::string>{"type", "provider", "count", "depends_on", "properties", "lifecycle", "extra"});
    CHECK(ordered(MappingRole::Variable, {"validation", "nullable", "sensitive", "description", "default", "type"}) ==
          std::vector<std::string>{"type", "default", "description", "sensitive", "nullable", "validation"});
    CHECK(ordered(MappingRole::ModuleCall, {"inputs", "depends_on", "for_each", "providers", "version", "source"}) ==
          std::vector<std::string>{"source", "version", "providers", "for_each", "depends_on", "inputs"});
    CHECK(ordered(MappingRole::Output, {"z", "sensitive", "a", "value"}) ==
          std::vector<std::string>{"value", "sensitive", "z", "a"});
    // count and for_each share a place: given both (an error plinth reports), they keep their order.
    CHECK(ordered(MappingRole::Resource, {"for_each", "type", "count"}) ==
          std::vector<std::string>{"type", "for_each", "count"});
    CHECK(ordered(MappingRole::Other, {"b", "a"}) == std::vector<std::string>{"b", "a"});
    CHECK(ordered(MappingRole::TopLevel, {"outputs", "resources", "variables", "stack"}) ==
          std::vector<std::string>{"stack", "variables", "resources", "outputs"});
}
