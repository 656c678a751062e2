#include <catch2/catch.hpp>

#include "tests/unit/core/stack/stack_test_support.h"

using namespace plinth;
using namespace plinth::testing;

TEST_CASE("backend_decl: without a block the stack uses the local backend") {
    auto stack = load_one("stack: s\n");
    REQUIRE(stack);
    CHECK(stack->backend.type == "local");
    CHECK(stack->backend.settings.empty());
    CHECK_FALSE(stack->backend.location.known());
}

TEST_CASE("backend_decl: type and literal settings with their locations") {
    auto stack = load_one("stack: s\nbackend:\n  type: pg\n  conn_str: postgres://db\n  retries: 3\n");
    REQUIRE(stack);
    CHECK(stack->backend.type == "pg");
    CHECK(stack->backend.location.to_string() == "main.yaml:2:1");
    CHECK(stack->backend.settings.at("conn_str").text == "postgres://db");
    CHECK(stack->backend.settings.at("conn_str").location.to_string() == "main.yaml:4:13");
    CHECK(stack->backend.settings.at("retries").text == "3");
}

TEST_CASE("backend_decl: expressions, nested values and a missing type are errors at their place") {
    CHECK(only_error(load_one("stack: s\nbackend: { type: pg, conn_str: \"${var.x}\" }\n")).summary ==
          "backend setting `conn_str` cannot hold an expression");
    auto nested = only_error(load_one("stack: s\nbackend:\n  type: s3\n  tags: [a]\n"));
    CHECK(nested.summary == "backend setting `tags` must be a string, number or bool, not a list");
    CHECK(nested.location.to_string() == "main.yaml:4:9");
    CHECK(only_error(load_one("stack: s\nbackend: { path: x }\n")).summary == "the backend has no `type`");
    CHECK(only_error(load_one("stack: s\nbackend: local\n")).summary == "`backend` must be a mapping, not a scalar");
}

TEST_CASE("backend_decl: the same store means the same type and setting texts") {
    BackendDecl a{"http", {{"address", BackendSetting{"http://x", {"a.yaml", 1, 1}}}}, {}};
    BackendDecl b{"http", {{"address", BackendSetting{"http://x", {"b.yaml", 9, 9}}}}, {}};
    CHECK(a.same_store_as(b));
    b.settings.at("address").text = "http://y";
    CHECK_FALSE(a.same_store_as(b));
    CHECK_FALSE(a.same_store_as(BackendDecl{}));
    CHECK(BackendDecl{}.same_store_as(BackendDecl{}));
}
