#include <catch2/catch.hpp>

#include "expr_test_support.h"

using namespace plinth;
using namespace plinth::expr;
using namespace plinth::expr::testing;

TEST_CASE("expr: text without ${ is a literal string") {
    CHECK(eval("hello world") == Value("hello world"));
    CHECK(eval("") == Value(""));
    CHECK(eval("costs $5 and {braces}") == Value("costs $5 and {braces}"));
    CHECK(eval("42") == Value("42"));  // a YAML string stays a string
}

TEST_CASE("expr: a whole ${...} keeps the expression's type") {
    CHECK(eval("${42}") == Value(42));
    CHECK(eval("${ 1.5 }") == Value(1.5));
    CHECK(eval("${true}") == Value(true));
    CHECK(eval("${null}").is_null());
    CHECK(eval("${var.zones}") == list({"a", "b", "c"}));
    CHECK(eval("${var.tags}") == map({{"owner", "ops"}, {"team", "infra"}}));
    CHECK(eval("${\n  var.replicas\n}") == Value(3));
}

TEST_CASE("expr: anything else interpolates into a string") {
    CHECK(eval("${local.prefix}-site") == Value("app-dev-site"));
    CHECK(eval("n=${var.replicas} f=${var.flag} x=${1.25}") == Value("n=3 f=true x=1.25"));
    CHECK(eval(" ${42}") == Value(" 42"));
    CHECK(eval("${var.env}${var.env}") == Value("devdev"));
}

TEST_CASE("expr: $${ is a literal ${") {
    CHECK(eval("$${var.env}") == Value("${var.env}"));
    CHECK(eval("a $${b} ${var.env}") == Value("a ${b} dev"));
    CHECK(eval("${\"$${x}\"}") == Value("${x}"));
    CHECK(eval("$$ and $") == Value("$$ and $"));
}

TEST_CASE("expr: null, lists and maps cannot be interpolated") {
    CHECK(error_of("x${var.nothing}") == "cannot interpolate a null value into a string");
    CHECK(error_of("x${var.zones}") == "cannot interpolate a list into a string");
    CHECK(error_of("${var.tags} x") == "cannot interpolate a map into a string");
}

TEST_CASE("expr: numbers in every notation") {
    CHECK(eval("${0}") == Value(0));
    CHECK(eval("${12.5}") == Value(12.5));
    CHECK(eval("${1e3}") == Value(1000));
    CHECK(eval("${2.5E-1}") == Value(0.25));
    CHECK(eval("${-7}") == Value(-7));
}

TEST_CASE("expr: quoted strings with escapes and nested interpolation") {
    CHECK(eval(R"(${"a\nb\t\"c\"\\"})") == Value("a\nb\t\"c\"\\"));
    CHECK(eval(R"(${"\u00e9\U0001F600"})") == Value("\u00e9\U0001F600"));
    CHECK(eval(R"(${"env-${var.env}-${var.replicas + 1}"})") == Value("env-dev-4"));
    CHECK(eval(R"(${"outer ${"inner ${var.env}"}"})") == Value("outer inner dev"));
    CHECK(eval(R"(${"${var.replicas}"})") == Value(3));  // a lone interpolation keeps its type
    CHECK(eval(R"(${"{}"})") == Value("{}"));
    CHECK(eval(R"(${"a}b"} and ${"}"})") == Value("a}b and }"));
}

TEST_CASE("expr: lists and maps") {
    CHECK(eval("${[1, \"two\", true]}") == list({1, "two", true}));
    CHECK(eval("${[]}") == list({}));
    CHECK(eval("${[1, 2,]}") == list({1, 2}));
    CHECK(eval("${{}}") == map({}));
    CHECK(eval("${{a = 1, \"b c\" = 2, d: 3}}") == map({{"a", 1}, {"b c", 2}, {"d", 3}}));
    CHECK(eval("${{ a = 1\n b = 2 }}") == map({{"a", 1}, {"b", 2}}));
    CHECK(eval("${{(var.env) = 1}}") == map({{"dev", 1}}));
    CHECK(eval("${{for = 1}}") == map({{"for", 1}}));
    CHECK(eval("${{a = [1, {b = 2}]}}") == map({{"a", list({1, map({{"b", 2}})})}}));
}

TEST_CASE("expr: references, attributes and indexes") {
    CHECK(eval("${web.tags.env}") == Value("dev"));
    CHECK(eval("${web.tags[\"env\"]}") == Value("dev"));
    CHECK(eval("${web.ips[1]}") == Value("10.0.0.2"));
    CHECK(eval("${web.ips.0}") == Value("10.0.0.1"));
    CHECK(eval("${servers[1].name}") == Value("s2"));
    CHECK(eval("${path.stack}") == Value("/stacks/web"));
    CHECK(eval("${count.index}") == Value(2));
    CHECK(eval("${each.key}") == Value("k"));
    CHECK(eval("${var.zones[count.index - 1]}") == Value("b"));
    CHECK(eval("${[10, 20, 30][1]}") == Value(20));
}

TEST_CASE("expr: operator precedence and associativity") {
    CHECK(eval("${1 + 2 * 3}") == Value(7));
    CHECK(eval("${(1 + 2) * 3}") == Value(9));
    CHECK(eval("${10 - 4 - 3}") == Value(3));
    CHECK(eval("${24 / 4 / 2}") == Value(3));
    CHECK(eval("${7 % 4 * 2}") == Value(6));
    CHECK(eval("${-2 * 3 + 1}") == Value(-5));
    CHECK(eval("${1 + 2 < 4}") == Value(true));
    CHECK(eval("${1 < 2 == 2 < 3}") == Value(true));
    CHECK(eval("${true || false && false}") == Value(true));
    CHECK(eval("${!true || true}") == Value(true));
    CHECK(eval("${!(true || true)}") == Value(false));
    CHECK(eval("${1 == 1 && 2 != 3}") == Value(true));
    CHECK(eval("${false ? 1 : true ? 2 : 3}") == Value(2));
    CHECK(eval("${1 + 1 == 2 ? \"yes\" : \"no\"}") == Value("yes"));
}

TEST_CASE("expr: identifiers may contain dashes, as in HCL") {
    MapScope scope;
    scope.names["web-server"] = map({{"private-ip", "10.0.0.9"}});
    CHECK(eval("${web-server.private-ip}", scope) == Value("10.0.0.9"));
    CHECK(eval("${{my-key = 1}}") == map({{"my-key", 1}}));
    CHECK(eval("${var.replicas - 1}") == Value(2));
}

TEST_CASE("expr: function calls") {
    CHECK(eval("${upper(var.env)}") == Value("DEV"));
    CHECK(eval("${concat([1], [2],)}") == list({1, 2}));
    CHECK(eval("${max([3, 9, 4]...)}") == Value(9));
    CHECK(eval("${length(split(\",\", \"a,b\"))}") == Value(2));
}

TEST_CASE("expr: parse errors point at the line and column") {
    auto d = parse_failure("${ var.x + }");
    CHECK(d.summary == "expected an expression, found \"}\"");
    CHECK(d.location.file == "stack.yaml");
    CHECK(where(d) == "3:21");

    d = parse_failure("name: ${var.x");
    CHECK(d.summary == "unterminated interpolation: missing \"}\" after \"${\"");
    CHECK(where(d) == "3:16");

    d = parse_failure("${ a b }");
    CHECK(d.summary == "expected \"}\" to close the interpolation, found identifier \"b\"");
    CHECK(where(d) == "3:15");

    d = parse_failure("line one\nline ${ 1 + @ }");
    CHECK(d.summary == "unexpected character \"@\"");
    CHECK(where(d) == "4:13");

    d = parse_failure("${\"abc}");
    CHECK(d.summary == "unterminated string: missing the closing quote");
    CHECK(where(d) == "3:12");

    d = parse_failure(R"(${"a\qb"})");
    CHECK(d.summary == "invalid escape sequence \"\\q\"");
    CHECK(where(d) == "3:14");

    CHECK(parse_failure("${[1, 2}").summary == "expected \",\" or \"]\" in the list, found \"}\"");
    CHECK(parse_failure("${f(1 2)}").summary == "expected \",\" or \")\" in the argument list, found number 2");
    CHECK(parse_failure("${{a 1}}").summary == "expected \"=\" or \":\" after the map key, found number 1");
    CHECK(parse_failure("${true ? 1}").summary == "expected \":\" in the conditional, found \"}\"");
    CHECK(parse_failure("${a.}").summary == "expected an attribute name after \".\", found \"}\"");
    CHECK(parse_failure("${}").summary == "expected an expression, found \"}\"");
    CHECK(parse_failure("${\"\\u12\"}").summary == "invalid escape sequence: \\u needs 4 hex digits");
}

TEST_CASE("expr: columns count characters, not bytes") {
    auto d = parse_failure("é ${ ) }");
    CHECK(where(d) == "3:15");
}

TEST_CASE("expr: parse_expression reads a bare expression") {
    auto parsed = parse_expression("var.replicas <= 10", test_location());
    REQUIRE(parsed);
    EvalContext context{sample_scope(), FunctionTable::standard(), {}};
    CHECK(evaluate(**parsed, context) == Value(true));

    auto failed = parse_expression("1 + 2 )", test_location());
    REQUIRE_FALSE(failed);
    CHECK(failed.error()[0].summary == "unexpected \")\" after the expression");
    CHECK(where(failed.error()[0]) == "3:16");
}

TEST_CASE("expr: builders make expressions from YAML structure") {
    SourceLocation at{"s.yaml", 1, 1};
    auto inner = parse_template("${var.env}", at);
    REQUIRE(inner);
    auto tree = make_map({{"name", *inner}, {"items", make_list({make_literal(1, at), make_literal("x", at)}, at)}}, at);
    EvalContext context{sample_scope(), FunctionTable::standard(), {}};
    CHECK(evaluate(*tree, context) == map({{"name", "dev"}, {"items", list({1, "x"})}}));
    CHECK(location_of(*tree).to_string() == "s.yaml:1:1");
    CHECK(location_of(**inner).to_string() == "s.yaml:1:3");
}
