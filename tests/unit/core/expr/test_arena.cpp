// Expression arenas: trees built into one arena live as long as any pointer into it; a tree built
// elsewhere and linked in is kept alive with the arena; nodes never move as an arena grows. (Under
// AddressSanitizer in CI, a node freed too early is a test failure.)
#include "core/expr/arena.h"
#include "tests/unit/core/expr/expr_test_support.h"

using namespace plinth;
using namespace plinth::expr;
using namespace plinth::expr::testing;

namespace {

Value evaluate_tree(const ExpressionPtr& tree) {
    EvalContext context{sample_scope(), FunctionTable::standard(), {}};
    auto value = evaluate(*tree, context);
    REQUIRE(value);
    return *value;
}

}  // namespace

TEST_CASE("arena: thousands of trees in one arena stay valid while it grows") {
    ArenaPtr arena = make_arena();
    std::vector<ExpressionPtr> trees;
    for (int i = 0; i < 5000; ++i) {
        auto parsed = parse_template("${var.env}-" + std::to_string(i) + "-${upper(local.prefix)}", test_location(), arena);
        REQUIRE(parsed);
        trees.push_back(*parsed);
    }
    for (int i = 0; i < 5000; i += 499)
        CHECK(evaluate_tree(trees[static_cast<std::size_t>(i)]) == Value("dev-" + std::to_string(i) + "-APP-DEV"));
}

TEST_CASE("arena: one tree keeps the whole arena alive") {
    ExpressionPtr kept;
    {
        ArenaPtr arena = make_arena();
        REQUIRE(parse_template("${var.replicas}", test_location(), arena));
        auto parsed = parse_template("${[for z in var.zones : \"${z}!\"]}", test_location(), arena);
        REQUIRE(parsed);
        kept = *parsed;
    }
    CHECK(evaluate_tree(kept) == Value(ValueList{"a!", "b!", "c!"}));
}

TEST_CASE("arena: a member built in another arena is kept alive by the map that holds it") {
    ArenaPtr stack_file = make_arena();
    ExpressionPtr map;
    {
        auto elsewhere = parse_template("${web.id}", test_location());  // its own arena
        REQUIRE(elsewhere);
        auto here = parse_template("${var.env}", test_location(), stack_file);
        REQUIRE(here);
        auto list = make_list({*elsewhere, make_literal(Value(1), test_location())}, test_location(), stack_file);
        map = make_map({{"id", *elsewhere}, {"env", *here}, {"list", list}}, test_location(), stack_file);
    }
    stack_file.reset();
    CHECK(evaluate_tree(map) == Value(ValueMap{{"id", "i-123"}, {"env", "dev"}, {"list", ValueList{"i-123", 1}}}));
}

TEST_CASE("arena: a literal map's members keep its tree alive") {
    std::vector<MapMember> members;
    {
        auto parsed = parse_template("${{a = var.env, b = upper(var.env)}}", test_location());
        REQUIRE(parsed);
        members = literal_map_members(*parsed);
    }
    REQUIRE(members.size() == 2);
    CHECK(members[1].key == "b");
    CHECK(evaluate_tree(members[1].value) == Value("DEV"));
}

TEST_CASE("arena: a name is kept once") {
    ArenaPtr arena = make_arena();
    Name first = arena->name("triggers");
    CHECK(*first == "triggers");
    CHECK(arena->name(std::string("trig") + "gers") == first);
    CHECK(arena->name("index") != first);
}
