#include <catch2/catch.hpp>

#include "providers/builtin/builtin.h"
#include "providers/registry.h"
#include "providers/schema_json.h"

using namespace plinth;
using namespace plinth::providers;
using nlohmann::json;

namespace {

// A schema document with one resource whose attribute list the test fills in.
json with_attributes(json attributes) {
    return {{"name", "acme"},
            {"resources", json::array({{{"type", "acme_ok"}, {"attributes", json::array()}},
                                       {{"type", "acme_thing"}, {"attributes", std::move(attributes)}}})}};
}

std::string error_of(const json& document) {
    auto read = schema_from_json(document);
    REQUIRE_FALSE(read);
    return read.error();
}

}  // namespace

TEST_CASE("schema_json: every built-in schema survives the round trip") {
    ProviderRegistry registry;
    register_builtin_providers(registry);
    for (const auto& name : registry.names()) {
        auto provider = std::move(*registry.create(name));
        json document = schema_to_json(provider->schema());
        auto back = schema_from_json(document);
        REQUIRE(back);
        CHECK(schema_to_json(*back) == document);
        CHECK(back->resources.size() == provider->schema().resources.size());
    }
}

TEST_CASE("schema_json: the written form names every field") {
    ProviderSchema schema;
    schema.name = "acme";
    schema.version = "1.2.0";
    AttributeSchema size{"size", AttributeType::Number, false, true, false, true, false, Value(3), "How big"};
    schema.resources.push_back(ResourceSchema{"acme_box", "A box", {size}});
    CHECK(schema_to_json(schema) == json::parse(R"({
        "name": "acme", "version": "1.2.0", "config": [], "data_sources": [],
        "resources": [{"type": "acme_box", "description": "A box", "attributes": [
            {"name": "size", "type": "number", "description": "How big", "required": false, "optional": true,
             "computed": false, "force_new": true, "sensitive": false, "default": 3}]}]})"));
}

TEST_CASE("schema_json: reading fills defaults for what is left out") {
    auto read = schema_from_json(with_attributes(json::parse(R"([{"name": "key", "type": "string", "required": true},
        {"name": "secret", "type": "string", "computed": true, "sensitive": true}])")));
    REQUIRE(read);
    CHECK(read->name == "acme");
    CHECK(read->version.empty());
    const ResourceSchema* thing = read->find_resource("acme_thing");
    REQUIRE(thing);
    CHECK(thing->find("key")->required);
    CHECK_FALSE(thing->find("key")->force_new);
    CHECK(thing->find("secret")->sensitive);
    CHECK_FALSE(thing->find("secret")->default_value);
}

TEST_CASE("schema_json: the error names the wrong field by its path") {
    CHECK(error_of(with_attributes(json::parse(R"([{"name": "key", "type": "str", "required": true}])"))) ==
          R"(resources[1].attributes[0].type: expected one of string, number, bool, list, map, any; got "str")");
    CHECK(error_of(with_attributes(json::parse(R"([{"name": "key", "type": "string", "requried": true}])"))) ==
          "resources[1].attributes[0].requried: unknown field");
    CHECK(error_of(with_attributes(json::parse(R"([{"name": "key", "type": "string", "required": "yes"}])"))) ==
          "resources[1].attributes[0].required: expected true or false");
    CHECK(error_of(with_attributes(json::parse(R"([{"type": "string", "required": true}])"))) ==
          "resources[1].attributes[0].name: missing");
    CHECK(error_of(with_attributes(json::parse(R"([{"name": "key", "type": "string"}])"))) ==
          "resources[1].attributes[0]: one of required, optional or computed must be true");
    CHECK(error_of(with_attributes(json::parse(R"([{"name": "key", "type": "string", "required": true, "computed": true}])"))) ==
          "resources[1].attributes[0]: a required attribute cannot also be optional or computed");
    CHECK(error_of(with_attributes(json::parse(R"({"name": "key"})"))) == "resources[1].attributes: expected a list");
    CHECK(error_of(json::parse(R"({"name": "acme", "data_sources": [{"attributes": []}]})")) ==
          "data_sources[0].type: missing");
    CHECK(error_of(json::parse(R"({"version": "1"})")) == "name: missing");
    CHECK(error_of(json::parse(R"([1])")) == "schema: expected an object");
    CHECK(error_of(json::parse(R"({"name": "acme", "config": [7]})")) == "config[0]: expected an object");
}
