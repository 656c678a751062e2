#include <catch2/catch.hpp>

#include "core/value_path.h"

using namespace plinth;

namespace {

Value sample() {
    return Value(ValueMap{
        {"name", "web"},
        {"tags", ValueMap{{"owner", "ops"}, {"a.b", "dotted"}, {"q\"uote", "q"}}},
        {"rules", ValueList{Value(ValueMap{{"port", 80}}), Value(ValueMap{{"port", 443}})}},
        {"matrix", ValueList{Value(ValueList{1, 2})}},
    });
}

}  // namespace

TEST_CASE("value_path: looking up values") {
    Value value = sample();
    CHECK(value_at_path(value, "name")->as_string() == "web");
    CHECK(value_at_path(value, "tags.owner")->as_string() == "ops");
    CHECK(value_at_path(value, "tags[\"a.b\"]")->as_string() == "dotted");
    CHECK(value_at_path(value, "tags[\"q\\\"uote\"]")->as_string() == "q");
    CHECK(value_at_path(value, "[\"tags\"].owner")->as_string() == "ops");
    CHECK(value_at_path(value, "rules[1].port")->as_number() == 443);
    CHECK(value_at_path(value, "matrix[0][1]")->as_number() == 2);
    CHECK(value_at_path(value, "") == &value);
}

TEST_CASE("value_path: missing or malformed paths give null") {
    Value value = sample();
    CHECK(value_at_path(value, "nope") == nullptr);
    CHECK(value_at_path(value, "rules[2].port") == nullptr);
    CHECK(value_at_path(value, "name.first") == nullptr);
    CHECK(value_at_path(value, "rules.port") == nullptr);
    CHECK(value_at_path(value, "rules[x]") == nullptr);
    CHECK(value_at_path(value, "rules[0") == nullptr);
    CHECK(value_at_path(value, "tags..owner") == nullptr);
    CHECK(value_at_path(value, ".name") == nullptr);
    CHECK(value_at_path(value, "tags[\"a.b\"") == nullptr);
}

TEST_CASE("value_path: sensitive paths name the outermost marks") {
    Value value = sample();
    CHECK(sensitive_paths(value).empty());
    value.as_map()["tags"].as_map()["a.b"].mark_sensitive();
    value.as_map()["rules"].as_list()[1].as_map()["port"].mark_sensitive();
    value.as_map()["matrix"].mark_sensitive();
    value.as_map()["matrix"].as_list()[0].mark_sensitive();  // inside a marked value: not listed again
    CHECK(sensitive_paths(value) == std::vector<std::string>{"matrix", "rules[1].port", "tags[\"a.b\"]"});
    CHECK(sensitive_paths(Value("x").mark_sensitive()) == std::vector<std::string>{""});
    Value odd(ValueMap{{"1st", Value(1).mark_sensitive()}, {"ok_key-2", Value(2).mark_sensitive()}});
    CHECK(sensitive_paths(odd) == std::vector<std::string>{"[\"1st\"]", "ok_key-2"});
}

TEST_CASE("value_path: marking by paths restores what sensitive_paths recorded") {
    Value marked = sample();
    marked.as_map()["tags"].as_map()["q\"uote"].mark_sensitive();
    marked.as_map()["rules"].as_list()[0].mark_sensitive();
    std::vector<std::string> paths = sensitive_paths(marked);
    Value plain = sample();
    mark_sensitive_paths(plain, paths);
    mark_sensitive_paths(plain, {"no.such[3]", "rules[9]"});
    CHECK(sensitive_paths(plain) == paths);
    CHECK(value_at_path(plain, "rules[0]")->is_sensitive());
    CHECK_FALSE(value_at_path(plain, "rules[1]")->is_sensitive());
}
