#include <catch2/catch.hpp>

#include "providers/rest/object_paths.h"

using namespace plinth;
using namespace plinth::providers::rest;

TEST_CASE("object_paths: id attribute paths reach into nested objects") {
    Value answer(ValueMap{{"data", Value(ValueMap{{"id", Value(7)}, {"name", Value("a")}})}, {"id", Value("top")}});
    REQUIRE(value_at(answer, "id"));
    CHECK(*value_at(answer, "id") == Value("top"));
    REQUIRE(value_at(answer, "data/id"));
    CHECK(*value_at(answer, "data/id") == Value(7));
    CHECK(value_at(answer, "data/missing") == nullptr);
    CHECK(value_at(answer, "id/deeper") == nullptr);
    CHECK(parent_path("data/id") == "data");
    CHECK(parent_path("id").empty());

    erase_at(answer, "data/id");
    CHECK(value_at(answer, "data/id") == nullptr);
    CHECK(value_at(answer, "data/name") != nullptr);
    erase_at(answer, "nothing/here");
    CHECK(value_at(answer, "id") != nullptr);

    CHECK(check_id_attribute("data/id"));
    CHECK_FALSE(check_id_attribute(""));
    CHECK_FALSE(check_id_attribute("data//id"));
    CHECK_FALSE(check_id_attribute("/id"));
}

TEST_CASE("object_paths: ids as text") {
    CHECK(id_text(Value(5)) == "5");
    CHECK(id_text(Value("abc")) == "abc");
    CHECK_FALSE(id_text(Value("")));
    CHECK_FALSE(id_text(Value(true)));
    CHECK_FALSE(id_text(Value{}));
}

TEST_CASE("object_paths: path templates take {id}, percent-encoded") {
    CHECK(expand_path("/posts/{id}", "5") == "/posts/5");
    CHECK(expand_path("/posts/{id}/versions/{id}", "a b") == "/posts/a%20b/versions/a%20b");
    CHECK(expand_path("/singleton", "5") == "/singleton");
    CHECK(expand_path("/p/{id}", "x/y?z") == "/p/x%2Fy%3Fz");
    CHECK(check_path_template("/posts/{id}"));
    CHECK_FALSE(check_path_template("posts/{id}"));
    CHECK_FALSE(check_path_template("/posts/{name}"));
    CHECK(default_object_path("/posts") == "/posts/{id}");
    CHECK(default_object_path("/posts/") == "/posts/{id}");
}

TEST_CASE("object_paths: URLs join with one slash") {
    CHECK(join_url("http://127.0.0.1:3000", "/posts") == "http://127.0.0.1:3000/posts");
    CHECK(join_url("http://127.0.0.1:3000/api/", "/posts/1") == "http://127.0.0.1:3000/api/posts/1");
}

TEST_CASE("object_paths: import ids are the collection and the id") {
    auto posts = parse_import_id("/posts/5");
    REQUIRE(posts);
    CHECK(posts->path == "/posts");
    CHECK(posts->id == "5");
    auto nested = parse_import_id("/api/v1/users/abc/");
    REQUIRE(nested);
    CHECK(nested->path == "/api/v1/users");
    CHECK(nested->id == "abc");
    CHECK_FALSE(parse_import_id("5"));
    CHECK_FALSE(parse_import_id("/5"));
    CHECK_FALSE(parse_import_id("posts/5"));
    CHECK_FALSE(parse_import_id(""));
}
