#include <catch2/catch.hpp>

#include "core/stack/format/yaml_equal.h"

using plinth::format::yaml_equal;

namespace {

bool same(const char* a, const char* b) { return yaml_equal(YAML::Load(a), YAML::Load(b)); }

}  // namespace

TEST_CASE("yaml_equal: mappings in any order, sequences in theirs") {
    CHECK(same("{a: 1, b: [x, y]}", "b:\n  - x\n  - y\na: 1\n"));
    CHECK_FALSE(same("b: [x, y]", "b: [y, x]"));
    CHECK_FALSE(same("a: 1", "a: 1\nb: 2"));
    CHECK_FALSE(same("a: {b: 1}", "a: {c: 1}"));
}

TEST_CASE("yaml_equal: scalars by text and by style") {
    CHECK(same("a: x  y", "a:    x  y"));
    CHECK_FALSE(same("a: 'true'", "a: true"));
    CHECK_FALSE(same("a: |\n  x\n", "a: |+\n  x\n\n"));
    CHECK_FALSE(same("a: ~", "a: '~'"));
    CHECK(same("a:", "a: ~"));
}
