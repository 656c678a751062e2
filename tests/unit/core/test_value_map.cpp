// ValueMap: a sorted array with std::map's interface; first-wins insertion, last-wins bulk
// building, and look-ups that take any string.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>

#include "core/value.h"

using namespace plinth;

namespace {

std::vector<std::string> keys_of(const ValueMap& map) {
    std::vector<std::string> keys;
    for (const auto& [key, value] : map) keys.push_back(key);
    return keys;
}

}  // namespace

TEST_CASE("value map: entries stay sorted by key whatever order they come in") {
    ValueMap map;
    map["m"] = 1;
    map.emplace("z", 2);
    map.insert_or_assign("a", 3);
    map.try_emplace("k", 4);
    CHECK(keys_of(map) == std::vector<std::string>{"a", "k", "m", "z"});
    CHECK(map.size() == 4);
    CHECK(map.at("k") == Value(4));
    CHECK(map.find(std::string_view("z"))->second == Value(2));
    CHECK(map.find("b") == map.end());
    CHECK(map.contains("m"));
    CHECK(map.count("q") == 0);
    CHECK_THROWS_AS(map.at("q"), std::out_of_range);
}

TEST_CASE("value map: adding a present key keeps its value, assigning replaces it") {
    ValueMap map{{"a", 1}, {"a", 2}, {"b", 3}};  // as std::map: the first of equal keys counts
    CHECK(map.at("a") == Value(1));
    CHECK_FALSE(map.emplace("a", 5).second);
    CHECK_FALSE(map.try_emplace("a", 6).second);
    CHECK_FALSE(map.insert({"b", Value(7)}).second);
    CHECK(map.at("a") == Value(1));
    CHECK(map.at("b") == Value(3));
    auto [it, added] = map.insert_or_assign("a", 8);
    CHECK_FALSE(added);
    CHECK(it->second == Value(8));
    CHECK(map["new"].is_null());
    CHECK(map.size() == 3);
}

TEST_CASE("value map: erase by key and by position") {
    ValueMap map{{"a", 1}, {"b", 2}, {"c", 3}};
    CHECK(map.erase("b") == 1);
    CHECK(map.erase("b") == 0);
    auto next = map.erase(map.find("a"));
    CHECK(next->first == "c");
    CHECK(keys_of(map) == std::vector<std::string>{"c"});
    map.clear();
    CHECK(map.empty());
}

TEST_CASE("value map: from_entries sorts once and keeps the last of equal keys") {
    ValueMap map = ValueMap::from_entries({{"b", 1}, {"a", 2}, {"b", 3}, {"c", 4}, {"a", 5}});
    CHECK(keys_of(map) == std::vector<std::string>{"a", "b", "c"});
    CHECK(map.at("a") == Value(5));
    CHECK(map.at("b") == Value(3));
    CHECK(ValueMap::from_entries({}).empty());
}

TEST_CASE("value map: many keys in random order, one at a time and at once, give the same map") {
    std::vector<std::string> keys;
    for (int i = 0; i < 2000; ++i) keys.push_back("key" + std::to_string(i));
    std::shuffle(keys.begin(), keys.end(), std::mt19937(42));
    ValueMap one_by_one;
    std::vector<ValueMap::value_type> entries;
    for (const auto& key : keys) {
        one_by_one[key] = Value(key);
        entries.emplace_back(key, Value(key));
    }
    ValueMap at_once = ValueMap::from_entries(std::move(entries));
    CHECK(one_by_one == at_once);
    CHECK(one_by_one.size() == 2000);
    CHECK(std::is_sorted(one_by_one.begin(), one_by_one.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; }));
    for (const auto& key : keys) CHECK(at_once.at(key) == Value(key));
}

TEST_CASE("value map: equality compares keys and values in order") {
    CHECK(ValueMap{{"a", 1}, {"b", 2}} == ValueMap{{"b", 2}, {"a", 1}});
    CHECK_FALSE(ValueMap{{"a", 1}} == ValueMap{{"a", 2}});
    CHECK_FALSE(ValueMap{{"a", 1}} == ValueMap{{"a", 1}, {"b", 1}});
}
