#include <catch2/catch.hpp>

#include "plans/expansion.h"

using namespace plinth;
using namespace plinth::plans;

namespace {

// A Repetition whose count (or for_each) evaluates to `value`.
std::expected<Expansion, Diagnostics> expand_to(Value value, bool count) {
    auto expression = expr::make_literal(Value(), SourceLocation{"main.yaml", 4, 12});
    Repetition repetition;
    (count ? repetition.count : repetition.for_each) = expression;
    return expand(repetition, [&](const expr::Expression&) -> std::expected<Value, Diagnostics> { return value; });
}

}  // namespace

TEST_CASE("expansion: count gives indexes, accepting numeric strings") {
    auto three = expand_to(Value(3), true);
    REQUIRE(three);
    REQUIRE(three->instances.size() == 3);
    CHECK(std::get<std::int64_t>(three->instances[2].key) == 2);
    CHECK(*three->instances[2].repetition.find("index") == Value(2));
    CHECK(expand_to(Value("2"), true)->instances.size() == 2);
    CHECK(expand_to(Value(0), true)->instances.empty());
    CHECK_FALSE(expand_to(Value::unknown(), true)->known);
    auto negative = expand_to(Value(-1), true);
    REQUIRE_FALSE(negative);
    CHECK(negative.error()[0].summary == "`count` must be a whole number, 0 or more");
    CHECK(negative.error()[0].location.to_string() == "main.yaml:4:12");
    CHECK_FALSE(expand_to(Value(1.5), true));
    CHECK_FALSE(expand_to(Value(Value(2).mark_sensitive()), true));
}

TEST_CASE("expansion: for_each over a map or a set of strings") {
    auto map = expand_to(Value(ValueMap{{"b", 2}, {"a", 1}}), false);
    REQUIRE(map);
    REQUIRE(map->instances.size() == 2);
    CHECK(std::get<std::string>(map->instances[0].key) == "a");
    CHECK(*map->instances[0].repetition.find("value") == Value(1));
    auto set = expand_to(Value(ValueList{"y", "x", "y"}), false);
    REQUIRE(set);
    REQUIRE(set->instances.size() == 2);
    CHECK(*set->instances[1].repetition.find("value") == Value("y"));
    CHECK_FALSE(expand_to(Value(ValueList{1, 2}), false));
    CHECK_FALSE(expand_to(Value("a"), false));
    CHECK_FALSE(expand_to(Value(ValueList{Value::unknown()}), false)->known);
}

TEST_CASE("expansion: containers hold one slot per instance") {
    Repetition counted;
    counted.count = expr::make_literal(Value(2), {});
    auto expansion = expand_to(Value(2), true);
    Value container = expansion->container(counted);
    set_instance_value(container, std::int64_t{1}, Value("second"));
    CHECK(container == Value(ValueList{Value::unknown(), "second"}));
}
