#include <catch2/catch.hpp>

#include "providers/postgresql/catalog_rows.h"

using namespace plinth;
using namespace plinth::providers::postgresql;

TEST_CASE("postgresql: catalog booleans and numbers are read from their text") {
    CHECK(catalog_bool(std::string("t")));
    CHECK_FALSE(catalog_bool(std::string("f")));
    CHECK_FALSE(catalog_bool(std::nullopt));
    CHECK(catalog_number(std::string("-1"), 0) == -1);
    CHECK(catalog_number(std::string("12"), 0) == 12);
    CHECK(catalog_number(std::string("x"), 7) == 7);
    CHECK(catalog_number(std::nullopt, 7) == 7);
    CatalogRow row = {std::string("a"), std::nullopt};
    CHECK(column_of(row, 0) == "a");
    CHECK_FALSE(column_of(row, 1));
    CHECK_FALSE(column_of(row, 5));
}

TEST_CASE("postgresql: names found keep the stack's order when they are the same names") {
    Value configured(ValueList{Value("writer"), Value("reader")});
    CHECK(names_in_configured_order({"reader", "writer"}, &configured) == configured);
    CHECK(names_in_configured_order({"reader"}, &configured) == Value(ValueList{Value("reader")}));
    CHECK(names_in_configured_order({"z", "a", "a"}, nullptr) == Value(ValueList{Value("a"), Value("z")}));
    Value empty(ValueList{});
    CHECK(names_in_configured_order({}, &empty) == empty);
}

TEST_CASE("postgresql: string lists skip what is not a string") {
    Value attributes(ValueMap{{"roles", Value(ValueList{Value("a"), Value(3), Value("b")})}});
    CHECK(string_list(attributes, "roles") == std::vector<std::string>{"a", "b"});
    CHECK(string_list(attributes, "missing").empty());
}
