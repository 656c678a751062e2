#include <catch2/catch.hpp>

#include "expr_test_support.h"

using namespace plinth;
using namespace plinth::expr;
using namespace plinth::expr::testing;

namespace {

std::vector<std::string> references_of(std::string_view text) {
    auto parsed = parse_template(text, test_location());
    REQUIRE(parsed);
    std::vector<std::string> out;
    for (const auto& reference : collect_references(**parsed)) out.push_back(reference.to_string());
    return out;
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("expr: references with their static paths") {
    CHECK(references_of("plain text").empty());
    CHECK(references_of("${var.region}") == Names{"var.region"});
    CHECK(references_of("${web.tags[\"env\"]}") == Names{"web.tags.env"});
    CHECK(references_of("${web.ips[0].addr}") == Names{"web.ips.0.addr"});
    CHECK(references_of("${data.config.body}") == Names{"data.config.body"});
    CHECK(references_of("${module.net.vpc_id}") == Names{"module.net.vpc_id"});
    CHECK(references_of("${path.stack}/${count.index}/${each.key}") == Names{"path.stack", "count.index", "each.key"});
}

TEST_CASE("expr: a computed index ends the static path and is collected itself") {
    CHECK(references_of("${web.ips[var.i].addr}") == Names{"web.ips", "var.i"});
    CHECK(references_of("${web[count.index].id}") == Names{"web", "count.index"});
    CHECK(references_of("${servers[*].name}") == Names{"servers"});
}

TEST_CASE("expr: references inside every kind of expression, in source order") {
    CHECK(references_of("${upper(var.a)}-${local.b}") == Names{"var.a", "local.b"});
    CHECK(references_of("${var.c ? a.x : b.y}") == Names{"var.c", "a.x", "b.y"});
    CHECK(references_of("${[var.a, {k = var.b}]}") == Names{"var.a", "var.b"});
    CHECK(references_of("${-var.n + !var.f * 2}") == Names{"var.n", "var.f"});
    CHECK(references_of("${\"x-${var.a}\"}") == Names{"var.a"});
    CHECK(references_of("${var.a}${var.a}") == Names{"var.a", "var.a"});
    CHECK(references_of("${lookup(var.m, \"k\")[0]}") == Names{"var.m"});
}

TEST_CASE("expr: function names and for-expression variables are not references") {
    CHECK(references_of("${length(x)}") == Names{"x"});
    CHECK(references_of("${[for s in var.list : upper(s) if s != local.skip]}") == Names{"var.list", "local.skip"});
    CHECK(references_of("${{for k, v in var.m : k => v.id}}") == Names{"var.m"});
    CHECK(references_of("${[for s in var.a : [for t in s : t]]}") == Names{"var.a"});
}

TEST_CASE("expr: each reference has the location of its root name") {
    auto parsed = parse_template("a ${var.x} \n ${ web.id }", test_location());
    REQUIRE(parsed);
    auto references = collect_references(**parsed);
    REQUIRE(references.size() == 2);
    CHECK(references[0].root == "var");
    CHECK(references[0].path == std::vector<std::string>{"x"});
    CHECK(references[0].location.to_string() == "stack.yaml:3:14");
    CHECK(references[1].root == "web");
    CHECK(references[1].location.to_string() == "stack.yaml:4:5");
}
