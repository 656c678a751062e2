#include <catch2/catch.hpp>

#include "core/address.h"

using namespace plinth;

TEST_CASE("address: parsing and printing round-trip") {
    for (const char* text : {"web", "web[0]", "web[\"a b\"]", "data.config", "data.zone[3]", "module.net.web",
                             "module.net[\"a\"].module.db[2].data.x[\"k\"]"}) {
        auto parsed = parse_instance_address(text);
        REQUIRE(parsed);
        CHECK(parsed->to_string() == text);
    }
    auto address = parse_instance_address("module.net[\"a\"].web[1]");
    REQUIRE(address);
    CHECK(address->module.size() == 1);
    CHECK(address->module[0].name == "net");
    CHECK(std::get<std::string>(address->module[0].key) == "a");
    CHECK(std::get<std::int64_t>(address->key) == 1);
    CHECK(address->config_address() == "module.net.web");
    CHECK(parse_instance_address("data.x[\"q\"]")->config_address() == "data.x");
}

TEST_CASE("address: malformed addresses say what was expected where") {
    CHECK(parse_instance_address("web[").error() == "invalid address `web[`: expected an index or a quoted key at column 5");
    CHECK(parse_instance_address("web[1").error() == "invalid address `web[1`: expected `]` at column 6");
    CHECK(parse_instance_address("module.net").error() == "invalid address `module.net`: expected a resource after the module at column 11");
    CHECK(parse_instance_address("web x").error() == "invalid address `web x`: expected the end of the address at column 4");
    CHECK_FALSE(parse_instance_address(""));
    CHECK_FALSE(parse_instance_address("web[-1]"));
}

TEST_CASE("address: state commands may name a module instance alone") {
    auto module = parse_state_address("module.net[\"a\"]");
    REQUIRE(module);
    CHECK(module->name.empty());
    CHECK(module->to_string() == "module.net[\"a\"]");
    CHECK(parse_state_address("module.net.web[0]")->to_string() == "module.net.web[0]");
    CHECK_FALSE(parse_instance_address("module.net"));
    CHECK(parse_state_address("module.").error() == "invalid address `module.`: expected a name at column 8");
}
