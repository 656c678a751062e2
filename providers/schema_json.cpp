#include "providers/schema_json.h"

#include <array>
#include <fmt/format.h>

#include "core/value_json.h"

namespace plinth::providers {

namespace {

using nlohmann::json;

constexpr std::array k_attribute_types{AttributeType::String, AttributeType::Number, AttributeType::Bool,
                                       AttributeType::List, AttributeType::Map, AttributeType::Any};

json attribute_to_json(const AttributeSchema& attribute) {
    json out{{"name", attribute.name},           {"type", to_string(attribute.type)},
             {"description", attribute.description}, {"required", attribute.required},
             {"optional", attribute.optional},   {"computed", attribute.computed},
             {"force_new", attribute.force_new}, {"sensitive", attribute.sensitive}};
    if (attribute.default_value) out["default"] = to_json(*attribute.default_value);
    return out;
}

json attributes_to_json(const std::vector<AttributeSchema>& attributes) {
    json out = json::array();
    for (const auto& attribute : attributes) out.push_back(attribute_to_json(attribute));
    return out;
}

json types_to_json(const std::vector<ResourceSchema>& types) {
    json out = json::array();
    for (const auto& type : types)
        out.push_back({{"type", type.type}, {"description", type.description},
                       {"attributes", attributes_to_json(type.attributes)}});
    return out;
}

// Reading: each step knows the path of the object it reads, and fails with it.
using Failure = std::unexpected<std::string>;

Failure fail(const std::string& path, std::string_view problem) { return Failure(fmt::format("{}: {}", path, problem)); }

std::string member_path(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : fmt::format("{}.{}", path, key);
}

std::expected<void, std::string> check_object(const json& object, const std::string& path,
                                              std::initializer_list<std::string_view> allowed) {
    if (!object.is_object()) return fail(path.empty() ? "schema" : path, "expected an object");
    for (const auto& [key, value] : object.items())
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
            return fail(member_path(path, key), "unknown field");
    return {};
}

std::expected<std::string, std::string> read_string(const json& object, const std::string& path, std::string_view key,
                                                    bool required) {
    auto it = object.find(key);
    if (it == object.end()) {
        if (required) return fail(member_path(path, key), "missing");
        return std::string();
    }
    if (!it->is_string()) return fail(member_path(path, key), "expected a string");
    return it->get<std::string>();
}

std::expected<bool, std::string> read_flag(const json& object, const std::string& path, std::string_view key) {
    auto it = object.find(key);
    if (it == object.end()) return false;
    if (!it->is_boolean()) return fail(member_path(path, key), "expected true or false");
    return it->get<bool>();
}

std::expected<AttributeType, std::string> read_type(const json& object, const std::string& path) {
    auto text = read_string(object, path, "type", true);
    if (!text) return Failure(text.error());
    for (AttributeType type : k_attribute_types)
        if (to_string(type) == *text) return type;
    return fail(member_path(path, "type"),
                fmt::format("expected one of string, number, bool, list, map, any; got \"{}\"", *text));
}

std::expected<AttributeSchema, std::string> read_attribute(const json& object, const std::string& path) {
    if (auto checked = check_object(object, path, {"name", "type", "description", "required", "optional", "computed",
                                                   "force_new", "sensitive", "default"});
        !checked)
        return Failure(checked.error());
    AttributeSchema attribute;
    auto name = read_string(object, path, "name", true);
    if (!name) return Failure(name.error());
    if (name->empty()) return fail(member_path(path, "name"), "must not be empty");
    attribute.name = std::move(*name);
    auto type = read_type(object, path);
    if (!type) return Failure(type.error());
    attribute.type = *type;
    auto description = read_string(object, path, "description", false);
    if (!description) return Failure(description.error());
    attribute.description = std::move(*description);
    for (auto [key, flag] : {std::pair{"required", &attribute.required}, std::pair{"optional", &attribute.optional},
                             std::pair{"computed", &attribute.computed}, std::pair{"force_new", &attribute.force_new},
                             std::pair{"sensitive", &attribute.sensitive}}) {
        auto value = read_flag(object, path, key);
        if (!value) return Failure(value.error());
        *flag = *value;
    }
    if (!attribute.required && !attribute.optional && !attribute.computed)
        return fail(path, "one of required, optional or computed must be true");
    if (attribute.required && (attribute.optional || attribute.computed))
        return fail(path, "a required attribute cannot also be optional or computed");
    if (auto it = object.find("default"); it != object.end()) attribute.default_value = from_json(*it);
    return attribute;
}

std::expected<std::vector<AttributeSchema>, std::string> read_attributes(const json& object, const std::string& path,
                                                                         std::string_view key) {
    std::vector<AttributeSchema> out;
    auto it = object.find(key);
    if (it == object.end()) return out;
    std::string list_path = member_path(path, key);
    if (!it->is_array()) return fail(list_path, "expected a list");
    for (std::size_t i = 0; i < it->size(); ++i) {
        auto attribute = read_attribute((*it)[i], fmt::format("{}[{}]", list_path, i));
        if (!attribute) return Failure(attribute.error());
        out.push_back(std::move(*attribute));
    }
    return out;
}

std::expected<std::vector<ResourceSchema>, std::string> read_types(const json& object, std::string_view key) {
    std::vector<ResourceSchema> out;
    auto it = object.find(key);
    if (it == object.end()) return out;
    if (!it->is_array()) return fail(std::string(key), "expected a list");
    for (std::size_t i = 0; i < it->size(); ++i) {
        std::string path = fmt::format("{}[{}]", key, i);
        const json& item = (*it)[i];
        if (auto checked = check_object(item, path, {"type", "description", "attributes"}); !checked)
            return Failure(checked.error());
        ResourceSchema type;
        auto name = read_string(item, path, "type", true);
        if (!name) return Failure(name.error());
        auto description = read_string(item, path, "description", false);
        if (!description) return Failure(description.error());
        auto attributes = read_attributes(item, path, "attributes");
        if (!attributes) return Failure(attributes.error());
        out.push_back(ResourceSchema{std::move(*name), std::move(*description), std::move(*attributes)});
    }
    return out;
}

}  // namespace

json schema_to_json(const ProviderSchema& schema) {
    return {{"name", schema.name},
            {"version", schema.version},
            {"config", attributes_to_json(schema.config)},
            {"resources", types_to_json(schema.resources)},
            {"data_sources", types_to_json(schema.data_sources)}};
}

std::expected<ProviderSchema, std::string> schema_from_json(const json& document) {
    if (auto checked = check_object(document, "", {"name", "version", "config", "resources", "data_sources"}); !checked)
        return Failure(checked.error());
    ProviderSchema schema;
    auto name = read_string(document, "", "name", true);
    if (!name) return Failure(name.error());
    schema.name = std::move(*name);
    auto version = read_string(document, "", "version", false);
    if (!version) return Failure(version.error());
    schema.version = std::move(*version);
    auto config = read_attributes(document, "", "config");
    if (!config) return Failure(config.error());
    schema.config = std::move(*config);
    auto resources = read_types(document, "resources");
    if (!resources) return Failure(resources.error());
    schema.resources = std::move(*resources);
    auto data_sources = read_types(document, "data_sources");
    if (!data_sources) return Failure(data_sources.error());
    schema.data_sources = std::move(*data_sources);
    return schema;
}

}  // namespace plinth::providers
