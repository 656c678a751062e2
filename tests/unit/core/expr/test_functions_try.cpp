#include <catch2/catch.hpp>

#include "expr_test_support.h"

using namespace plinth;
using namespace plinth::expr;
using namespace plinth::expr::testing;

namespace {

// Terraform's documented examples use `local.foo = {bar = "baz"}`.
MapScope foo_scope() {
    MapScope scope = sample_scope();
    scope.names["local"] = map({{"foo", map({{"bar", "baz"}})}});
    return scope;
}

}  // namespace

TEST_CASE("expr: try returns the first argument that succeeds (Terraform's examples)") {
    MapScope scope = foo_scope();
    CHECK(eval("${try(local.foo.bar, \"fallback\")}", scope) == Value("baz"));
    CHECK(eval("${try(local.foo.boop, \"fallback\")}", scope) == Value("fallback"));
    CHECK(eval("${try(tonumber(\"x\"), tobool(\"y\"), 0)}") == Value(0));
    CHECK(eval("${try(var.zones[5], var.zones[1])}") == Value("b"));
    CHECK(eval("${try(var.tags.nope, {})}") == map({}));
    CHECK(eval("${try(var.replicas)}") == Value(3));
}

TEST_CASE("expr: try evaluates only what it needs") {
    // The second argument would fail, but the first succeeds.
    CHECK(eval("${try(var.env, var.env.nope)}") == Value("dev"));
    CHECK(eval("${[for z in var.zones : try(tonumber(z), z)]}") == list({"a", "b", "c"}));
}

TEST_CASE("expr: try and unknown values") {
    CHECK(eval("${try(var.pending, \"x\")}").is_unknown());
    CHECK(eval("${try(var.tags.nope, var.pending, \"x\")}").is_unknown());
    CHECK(eval("${try([var.pending], \"x\")}").is_unknown());
    CHECK(eval("${try(var.env, var.pending)}") == Value("dev"));
}

TEST_CASE("expr: try keeps sensitive marks") {
    CHECK(eval("${try(var.nope, var.password)}").is_sensitive());
    CHECK(eval("${try(var.tags.x, var.pending, var.password)}").is_unknown());
}

TEST_CASE("expr: try with no argument that succeeds lists the failures") {
    auto d = eval_failure("x${try(var.tags.nope, tonumber(\"x\"))}");
    CHECK(d.summary == "try: no argument succeeded");
    CHECK(where(d) == "3:13");
    CHECK(d.detail == "the failures:\n"
                      "- unsupported attribute \"nope\" (at stack.yaml:3:26)\n"
                      "- tonumber: cannot convert \"x\" to a number (at stack.yaml:3:32)\n"
                      "at least one argument must succeed");
    CHECK(error_of("${try()}") == "try: expects at least 1 argument, got 0");
    CHECK(error_of("${try(var.zones...)}") == "try: its arguments cannot be expanded from a list with \"...\"");
}

TEST_CASE("expr: can tells whether its argument succeeds (Terraform's examples)") {
    MapScope scope = foo_scope();
    CHECK(eval("${can(local.foo.bar)}", scope) == Value(true));
    CHECK(eval("${can(local.foo.boop)}", scope) == Value(false));
    scope.names["var"] = map({{"image_id", "ami-123"}});
    CHECK(eval("${can(regex(\"^ami-\", var.image_id))}", scope) == Value(true));
    scope.names["var"] = map({{"image_id", "img-123"}});
    CHECK(eval("${can(regex(\"^ami-\", var.image_id))}", scope) == Value(false));
    CHECK(eval("${can(var.zones[3])}") == Value(false));
    CHECK(eval("${can(var.nothing)}") == Value(true));
}

TEST_CASE("expr: can and unknown values, argument errors") {
    CHECK(eval("${can(var.pending)}").is_unknown());
    CHECK(eval("${can(upper(var.pending))}").is_unknown());
    CHECK(eval("${can(var.pending) ? 1 : 2}").is_unknown());
    CHECK(eval("${can(var.password)}") == Value(true));
    auto d = eval_failure("${can(1, 2)}");
    CHECK(d.summary == "can: expects 1 argument, got 2");
    CHECK(where(d) == "3:12");
}
