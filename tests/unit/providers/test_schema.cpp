#include <catch2/catch.hpp>

#include "providers/attributes.h"
#include "providers/schema.h"

using namespace plinth;
using namespace plinth::providers;

namespace {

ResourceSchema sample_schema() {
    using T = AttributeType;
    return ResourceSchema{
        "sample_thing",
        "",
        {
            replacing(required_attribute("filename", T::String, "")),
            optional_attribute("content", T::String, ""),
            optional_attribute("mode", T::String, "", Value("0644")),
            optional_attribute("count", T::Number, ""),
            optional_attribute("enabled", T::Bool, ""),
            replacing(optional_attribute("keepers", T::Map, "")),
            secret(optional_attribute("password", T::String, "")),
            computed_attribute("id", T::String, ""),
            secret(computed_attribute("token", T::String, "")),
        },
    };
}

ResourceSchema optional_computed_schema() {
    AttributeSchema name = replacing(optional_attribute("name", AttributeType::String, ""));
    name.computed = true;
    return ResourceSchema{"sample_named", "", {name, computed_attribute("id", AttributeType::String, "")}};
}

const SourceLocation k_here{"stack.yaml", 3, 5};

}  // namespace

TEST_CASE("schema: type names") {
    CHECK(to_string(AttributeType::String) == "string");
    CHECK(to_string(AttributeType::Map) == "map");
    CHECK(to_string(AttributeType::Any) == "any");
}

TEST_CASE("schema: find attributes and types") {
    ResourceSchema schema = sample_schema();
    REQUIRE(schema.find("content") != nullptr);
    CHECK(schema.find("nope") == nullptr);
    ProviderSchema provider{"sample", "0.1.0", {}, {schema}, {}};
    CHECK(provider.find_resource("sample_thing") == &provider.resources[0]);
    CHECK(provider.find_resource("sample_other") == nullptr);
    CHECK(provider.find_data_source("sample_thing") == nullptr);
}

TEST_CASE("schema: valid properties give no diagnostics") {
    Value properties(ValueMap{{"filename", "a.txt"}, {"content", Value::unknown()}, {"count", 3}, {"enabled", true}});
    CHECK(validate_properties(sample_schema(), properties, k_here).empty());
}

TEST_CASE("schema: unknown attribute suggests a close name") {
    Diagnostics found = validate_properties(sample_schema(), Value(ValueMap{{"filename", "a"}, {"contnet", "x"}}), k_here);
    REQUIRE(found.size() == 1);
    CHECK(found[0].summary == "Unsupported attribute \"contnet\"");
    CHECK(found[0].detail == "sample_thing has no attribute \"contnet\". Did you mean \"content\"?");
    CHECK(found[0].location.line == 3);
}

TEST_CASE("schema: unknown attribute far from any name has no suggestion") {
    Diagnostics found = validate_properties(sample_schema(), Value(ValueMap{{"filename", "a"}, {"zzzzzzzz", 1}}), k_here);
    REQUIRE(found.size() == 1);
    CHECK(found[0].detail == "sample_thing has no attribute \"zzzzzzzz\".");
}

TEST_CASE("schema: missing required attribute") {
    Diagnostics found = validate_properties(sample_schema(), Value(ValueMap{}), k_here);
    REQUIRE(found.size() == 1);
    CHECK(found[0].summary == "Missing required attribute \"filename\"");
    CHECK(validate_properties(sample_schema(), Value{}, k_here).size() == 1);
    CHECK(validate_properties(sample_schema(), Value(ValueMap{{"filename", Value{}}}), k_here).size() == 1);
}

TEST_CASE("schema: computed-only attributes cannot be set") {
    Diagnostics found = validate_properties(sample_schema(), Value(ValueMap{{"filename", "a"}, {"id", "x"}}), k_here);
    REQUIRE(found.size() == 1);
    CHECK(found[0].summary == "Cannot set computed attribute \"id\"");
}

TEST_CASE("schema: type mismatch, numbers given as strings are reported") {
    Diagnostics found = validate_properties(
        sample_schema(), Value(ValueMap{{"filename", 7}, {"count", "3"}, {"enabled", "yes"}, {"keepers", "k"}}), k_here);
    REQUIRE(found.size() == 4);
    CHECK(found[0].summary == "Wrong type for attribute \"count\"");
    CHECK(found[0].detail == "Expected a number, got a string (\"3\"). Write the number without quotes.");
    CHECK(found[1].detail == "Expected a bool, got a string (\"yes\"). Write the bool without quotes.");
    CHECK(found[2].detail == "Expected a string, got a number (7).");
    CHECK(found[3].detail == "Expected a map, got a string.");
}

TEST_CASE("schema: properties that are not a map") {
    Diagnostics found = validate_properties(sample_schema(), Value(ValueList{}), k_here);
    REQUIRE(found.size() == 1);
    CHECK(found[0].summary == "Properties of sample_thing must be a map");
    CHECK(validate_properties(sample_schema(), Value::unknown(), k_here).empty());
}

TEST_CASE("schema: plan of a new object fills defaults and leaves computed unknown") {
    GenericPlan plan = plan_from_schema(sample_schema(), nullptr, Value(ValueMap{{"filename", "a"}, {"password", "pw"}}));
    CHECK(plan.requires_replace.empty());
    CHECK(*plan.planned.find("mode") == Value("0644"));
    CHECK(plan.planned.find("content")->is_null());
    CHECK(plan.planned.find("id")->is_unknown());
    CHECK(plan.planned.find("password")->is_sensitive());
    CHECK(plan.planned.find("token")->is_unknown());
    CHECK(plan.planned.find("token")->is_sensitive());
    CHECK_FALSE(plan.planned.find("content")->is_sensitive());
}

TEST_CASE("schema: plan with no change keeps computed values") {
    Value prior(ValueMap{{"filename", "a"}, {"content", Value{}}, {"mode", "0644"}, {"count", Value{}},
                         {"enabled", Value{}}, {"keepers", Value{}}, {"password", Value{}}, {"id", "abc"},
                         {"token", "t"}});
    GenericPlan plan = plan_from_schema(sample_schema(), &prior, Value(ValueMap{{"filename", "a"}}));
    CHECK(plan.requires_replace.empty());
    CHECK(plan.planned == prior);
    CHECK(plan.planned.find("token")->is_sensitive());
}

TEST_CASE("schema: a force_new change replaces and makes computed values unknown") {
    Value prior(ValueMap{{"filename", "a"}, {"mode", "0644"}, {"id", "abc"}, {"keepers", ValueMap{{"k", "1"}}}});
    Value desired(ValueMap{{"filename", "b"}, {"keepers", ValueMap{{"k", "2"}}}});
    GenericPlan plan = plan_from_schema(sample_schema(), &prior, desired);
    CHECK(plan.requires_replace == std::vector<std::string>{"filename", "keepers"});
    CHECK(plan.planned.find("id")->is_unknown());
}

TEST_CASE("schema: an in-place change keeps computed values") {
    Value prior(ValueMap{{"filename", "a"}, {"mode", "0644"}, {"id", "abc"}});
    GenericPlan plan = plan_from_schema(sample_schema(), &prior, Value(ValueMap{{"filename", "a"}, {"mode", "0600"}}));
    CHECK(plan.requires_replace.empty());
    CHECK(*plan.planned.find("mode") == Value("0600"));
    CHECK(*plan.planned.find("id") == Value("abc"));
}

TEST_CASE("schema: an unknown desired force_new value counts as a change") {
    Value prior(ValueMap{{"filename", "a"}, {"id", "abc"}});
    GenericPlan plan = plan_from_schema(sample_schema(), &prior, Value(ValueMap{{"filename", Value::unknown()}}));
    CHECK(plan.requires_replace == std::vector<std::string>{"filename"});
    CHECK(plan.planned.find("filename")->is_unknown());
    CHECK(plan.planned.find("id")->is_unknown());

    Value nested(ValueMap{{"k", Value::unknown()}});
    GenericPlan keepers = plan_from_schema(sample_schema(), &prior, Value(ValueMap{{"filename", "a"}, {"keepers", nested}}));
    CHECK(keepers.requires_replace == std::vector<std::string>{"keepers"});
}

TEST_CASE("schema: a computed attribute missing from prior state becomes unknown") {
    Value prior(ValueMap{{"filename", "a"}});
    GenericPlan plan = plan_from_schema(sample_schema(), &prior, Value(ValueMap{{"filename", "a"}}));
    CHECK(plan.requires_replace.empty());
    CHECK(plan.planned.find("id")->is_unknown());
}

TEST_CASE("schema: optional+computed attributes left unset behave as computed") {
    ResourceSchema schema = optional_computed_schema();
    Value prior(ValueMap{{"name", "generated-1"}, {"id", "x"}});
    GenericPlan kept = plan_from_schema(schema, &prior, Value(ValueMap{}));
    CHECK(kept.requires_replace.empty());
    CHECK(*kept.planned.find("name") == Value("generated-1"));

    GenericPlan set = plan_from_schema(schema, &prior, Value(ValueMap{{"name", "mine"}}));
    CHECK(set.requires_replace == std::vector<std::string>{"name"});
    CHECK(set.planned.find("id")->is_unknown());

    GenericPlan fresh = plan_from_schema(schema, nullptr, Value(ValueMap{}));
    CHECK(fresh.planned.find("name")->is_unknown());
}
