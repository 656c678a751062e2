// member_location: finding where one member of a literal map was written.
#include <catch2/catch.hpp>

#include "core/expr/expression.h"
#include "expr_test_support.h"

using namespace plinth;
using namespace plinth::expr;

TEST_CASE("expr: member_location finds a literal map member's place") {
    SourceLocation where{"stack.yaml", 4, 7};
    auto content = make_literal(Value("hi"), {"stack.yaml", 5, 16});
    auto properties = make_map({{"content", content}}, where);
    auto found = member_location(*properties, "content");
    REQUIRE(found);
    CHECK(found->line == 5);
    CHECK(found->column == 16);
    CHECK_FALSE(member_location(*properties, "filename"));
    CHECK_FALSE(member_location(*content, "content"));
}

TEST_CASE("expr: a parsed map's keys are names, string literals or expressions") {
    auto parsed = parse_template("${{name = 1, \"quoted\" = 2, (var.env) = 3, \"${var.env}x\" = 4}}",
                                 SourceLocation{"stack.yaml", 2, 10});
    REQUIRE(parsed);
    const Expression& map = **parsed;
    // Names and string literals are fixed; the other keys are known only once evaluated.
    auto members = literal_map_members(*parsed);
    REQUIRE(members.size() == 2);
    CHECK(members[0].key == "name");
    CHECK(members[1].key == "quoted");
    auto name = member_location(map, "name");
    REQUIRE(name);
    CHECK(name->column == 13);  // the key itself, not its value
    auto quoted = member_location(map, "quoted");
    REQUIRE(quoted);
    CHECK(quoted->column == 24);  // the text inside the quotes
    CHECK_FALSE(member_location(map, "dev"));
    auto value = evaluate(map, EvalContext{testing::sample_scope(), FunctionTable::standard(), {}});
    REQUIRE(value);
    CHECK(*value == Value(ValueMap{{"name", Value(1)}, {"quoted", Value(2)}, {"dev", Value(3)}, {"devx", Value(4)}}));
}
