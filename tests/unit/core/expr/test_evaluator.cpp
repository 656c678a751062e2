#include <catch2/catch.hpp>

#include "expr_test_support.h"

using namespace plinth;
using namespace plinth::expr;
using namespace plinth::expr::testing;

TEST_CASE("expr: arithmetic converts numeric strings like Terraform") {
    CHECK(eval("${var.numeric + 1}") == Value(6));
    CHECK(eval("${\"2\" * \"3\"}") == Value(6));
    CHECK(eval("${7 / 2}") == Value(3.5));
    CHECK(eval("${-7 % 3}") == Value(-1));
    CHECK(eval("${-var.numeric}") == Value(-5));
    CHECK(eval("${\"10\" > 9}") == Value(true));
}

TEST_CASE("expr: + is numeric only") {
    CHECK(error_of("${\"a\" + \"b\"}") == "invalid operand: cannot convert \"a\" to a number");
    CHECK(error_of("${1 + true}") == "invalid operand: a number is required, got bool");
    CHECK(error_of("${[1] + 1}") == "invalid operand: a number is required, got list");
    CHECK(error_of("${null + 1}") == "invalid operand: a number is required, got null");
}

TEST_CASE("expr: operand errors point at the operand") {
    auto d = eval_failure("${1 + var.env}");
    CHECK(where(d) == "3:16");
    d = eval_failure("${var.replicas / 0}");
    CHECK(d.summary == "division by zero");
    CHECK(where(d) == "3:27");
    CHECK(error_of("${5 % 0}") == "modulo by zero");
    CHECK(error_of("${-\"x\"}") == "invalid operand: cannot convert \"x\" to a number");
    CHECK(error_of("${!1}") == "invalid operand: a bool is required, got number");
}

TEST_CASE("expr: equality is structural") {
    CHECK(eval("${[1, {a = \"x\"}] == [1, {a = \"x\"}]}") == Value(true));
    CHECK(eval("${{a = 1} != {a = 2}}") == Value(true));
    CHECK(eval("${1 == \"1\"}") == Value(false));
    CHECK(eval("${var.nothing == null}") == Value(true));
    CHECK(eval("${var.env == \"dev\"}") == Value(true));
}

TEST_CASE("expr: logic needs bools and short-circuits") {
    CHECK(eval("${true && false}") == Value(false));
    CHECK(eval("${false || true}") == Value(true));
    CHECK(eval("${\"true\" && true}") == Value(true));
    CHECK(eval("${false && var.nope}") == Value(false));
    CHECK(eval("${true || var.nope}") == Value(true));
    CHECK(error_of("${1 && true}") == "invalid operand: a bool is required, got number");
    CHECK(error_of("${true && \"x\"}") == "invalid operand: a bool is required, got string");
}

TEST_CASE("expr: conditionals") {
    CHECK(eval("${var.flag ? \"on\" : \"off\"}") == Value("on"));
    CHECK(eval("${var.replicas > 1 ? 1 : var.nope}") == Value(1));
    CHECK(eval("${false ? var.nope : 2}") == Value(2));
    CHECK(error_of("${1 ? 2 : 3}") == "the condition must be a bool, got number");
    CHECK(error_of("${var.nothing ? 2 : 3}") == "the condition is null; it must be a bool");
}

TEST_CASE("expr: unknown operands give unknown results") {
    CHECK(eval("${var.pending}").is_unknown());
    CHECK(eval("${var.pending + 1}").is_unknown());
    CHECK(eval("${-var.pending}").is_unknown());
    CHECK(eval("${var.pending == 1}").is_unknown());
    CHECK(eval("${[var.pending] == [1]}").is_unknown());
    CHECK(eval("x-${var.pending}").is_unknown());
    CHECK(eval("${var.pending.attr}").is_unknown());
    CHECK(eval("${var.pending[0]}").is_unknown());
    CHECK(eval("${var.zones[var.pending]}").is_unknown());
    CHECK(eval("${upper(var.pending)}").is_unknown());
    CHECK(eval("${var.pending ? 1 : 2}").is_unknown());
    CHECK(eval("${true ? \"x\" : var.pending}") == Value("x"));
    CHECK(eval("${false ? \"x\" : var.pending}").is_unknown());
    CHECK(eval("${var.pending && true}").is_unknown());
    CHECK(eval("${var.pending && false}") == Value(false));
    CHECK(eval("${var.pending || true}") == Value(true));
    CHECK(eval("${[var.pending, 1]}") == list({Value::unknown(), 1}));
    CHECK(eval("${length([var.pending, 1])}") == Value(2));
    CHECK(eval("${{(var.pending) = 1}}").is_unknown());
}

TEST_CASE("expr: sensitive marks propagate to derived values") {
    CHECK(eval("${var.password}").is_sensitive());
    CHECK(eval("prefix-${var.password}").is_sensitive());
    CHECK(eval("prefix-${var.password}") == Value("prefix-hunter2"));
    CHECK(eval("${upper(var.password)}").is_sensitive());
    CHECK(eval("${length(var.password)}").is_sensitive());
    CHECK(eval("${var.password == \"x\"}").is_sensitive());
    CHECK(eval("${var.password != \"\" ? \"set\" : \"unset\"}").is_sensitive());
    CHECK(eval("${[var.password][0]}").is_sensitive());
    CHECK(eval("${{p = var.password}.p}").is_sensitive());
    CHECK_FALSE(eval("${var.env}").is_sensitive());
    CHECK_FALSE(eval("${[var.password, 1]}").is_sensitive());
    CHECK(eval("${[var.password, 1]}").contains_sensitive());
    CHECK_FALSE(eval("${upper(var.env)}").is_sensitive());
}

TEST_CASE("expr: a sensitive container marks what is read from it") {
    MapScope scope;
    scope.names["secrets"] = sensitive(map({{"db", map({{"password", "pw"}})}, {"list", list({"a"})}}));
    CHECK(eval("${secrets.db.password}", scope).is_sensitive());
    CHECK(eval("${secrets.list[0]}", scope).is_sensitive());
    CHECK(eval("${secrets[\"db\"]}", scope).is_sensitive());
}

TEST_CASE("expr: lookup errors name what is missing, at the right place") {
    auto d = eval_failure("${var.nope}");
    CHECK(d.summary == "unsupported attribute \"nope\"");
    CHECK(where(d) == "3:16");
    d = eval_failure("${nosuch.id}");
    CHECK(d.summary == "unknown name `nosuch`");
    CHECK(where(d) == "3:12");
    d = eval_failure("${var.zones[3]}");
    CHECK(d.summary == "index 3 out of range for list of 3");
    CHECK(where(d) == "3:22");
    CHECK(error_of("${var.zones[-1]}") == "index -1 out of range for list of 3");
    CHECK(error_of("${var.zones[1.5]}") == "a list index must be a whole number, got 1.5");
    CHECK(error_of("${var.zones[\"x\"]}") == "a list index must be a number, got string");
    CHECK(error_of("${var.tags[\"nope\"]}") == "key \"nope\" not found in map");
    CHECK(error_of("${var.tags[[1]]}") == "a map key must be a string, got list");
    CHECK(error_of("${var.env[0]}") == "cannot index a string value");
    CHECK(error_of("${var.nothing[0]}") == "cannot index a null value");
    CHECK(error_of("${var.nothing.x}") == "attempt to get attribute \"x\" from a null value");
    CHECK(error_of("${var.zones.x}") == "unsupported attribute \"x\"");
    CHECK(eval_failure("${var.zones.x}").detail.find("[*]") != std::string::npos);
    CHECK(error_of("${var.env.x}") == "unsupported attribute \"x\"");
    CHECK(eval("${var.zones[\"1\"]}") == Value("b"));
    CHECK(eval("${{\"1\" = \"x\"}[1]}") == Value("x"));
}

TEST_CASE("expr: function call errors point at the call") {
    auto d = eval_failure("${var.env}-${nosuch(1)}");
    CHECK(d.summary == "unknown function \"nosuch\"");
    CHECK(where(d) == "3:23");
    d = eval_failure("${upper(\"a\", \"b\")}");
    CHECK(d.summary == "upper: expects 1 argument, got 2");
    CHECK(where(d) == "3:12");
    CHECK(error_of("${lookup({})}") == "lookup: expects 2 to 3 arguments, got 1");
    CHECK(error_of("${concat()}") == "concat: expects at least 1 argument, got 0");
    CHECK(error_of("${upper([])}") == "upper: argument 1 must be a string, got list");
    CHECK(error_of("${upper(null)}") == "upper: argument 1 must not be null");
    CHECK(error_of("${max(1...)}") == "the argument expanded with \"...\" must be a list, got number");
    CHECK(eval("${max(var.pending...)}").is_unknown());
}

TEST_CASE("expr: for expressions over lists and maps") {
    CHECK(eval("${[for z in var.zones : upper(z)]}") == list({"A", "B", "C"}));
    CHECK(eval("${[for i, z in var.zones : \"${i}:${z}\"]}") == list({"0:a", "1:b", "2:c"}));
    CHECK(eval("${[for z in var.zones : z if z != \"b\"]}") == list({"a", "c"}));
    CHECK(eval("${{for k, v in var.tags : v => k}}") == map({{"ops", "owner"}, {"infra", "team"}}));
    CHECK(eval("${{for z in var.zones : z => upper(z)}}") == map({{"a", "A"}, {"b", "B"}, {"c", "C"}}));
    CHECK(eval("${{for s in [\"ab\", \"ac\", \"b\"] : substr(s, 0, 1) => s...}}") ==
          map({{"a", list({"ab", "ac"})}, {"b", list({"b"})}}));
    CHECK(eval("${[for row in [[1, 2], [3]] : [for n in row : n * 10]]}") == list({list({10, 20}), list({30})}));
    CHECK(eval("${[for z in var.zones : var.env]}") == list({"dev", "dev", "dev"}));
    CHECK(eval("${[for var in [1, 2] : var + 1]}") == list({2, 3}));  // a for variable shadows a root name
    CHECK(eval("${[for z in var.pending : z]}").is_unknown());
    CHECK(eval("${[for z in var.zones : z if var.pending]}").is_unknown());
}

TEST_CASE("expr: for expression errors") {
    CHECK(error_of("${[for z in var.env : z]}") == "cannot iterate over a string value; a list or map is required");
    CHECK(error_of("${[for z in var.nothing : z]}") == "cannot iterate over a null value; a list or map is required");
    CHECK(error_of("${{for z in [\"a\", \"a\"] : z => 1}}") == "duplicate key \"a\" in the for expression");
    // Keys in no order, many of them: the map is built sorted once (not one insertion at a time).
    CHECK(eval("${length({for i in range(1000) : format(\"%03d\", (i * 7919) % 1000) => i})}") == Value(1000));
    CHECK(eval("${{for i in range(1000) : format(\"%03d\", (i * 7919) % 1000) => i}[\"007\"]}") == Value(753));
    CHECK(eval("${{for i in [3, 1, 2, 1] : i % 2 == 0 ? \"even\" : \"odd\" => i...}}") ==
          Value(ValueMap{{"even", ValueList{2}}, {"odd", ValueList{3, 1, 1}}}));
    CHECK(error_of("${[for z in var.zones : z if 1]}") == "the for condition must be a bool, got number");
    CHECK(error_of("${[for z in var.zones : q]}") == "unknown name `q`");
}

TEST_CASE("expr: splat expressions") {
    CHECK(eval("${servers[*].name}") == list({"s1", "s2"}));
    CHECK(eval("${servers[*].port}") == list({80, 81}));
    CHECK(eval("${var.zones[*]}") == list({"a", "b", "c"}));
    CHECK(eval("${var.nothing[*]}") == list({}));
    CHECK(eval("${web[*].id}") == list({"i-123"}));
    CHECK(eval("${[[1, 2], [3, 4]][*][0]}") == list({1, 3}));
    CHECK(eval("${var.pending[*].id}").is_unknown());
    CHECK(error_of("${servers[*].nope}") == "unsupported attribute \"nope\"");
}
