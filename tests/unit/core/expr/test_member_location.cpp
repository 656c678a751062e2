// member_location: finding where one member of a literal map was written.
#include <catch2/catch.hpp>

#include "core/expr/expression.h"

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
