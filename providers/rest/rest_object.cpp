#include "providers/rest/rest_object.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/value_json.h"
#include "providers/attributes.h"
#include "providers/rest/object_paths.h"
#include "providers/text.h"

namespace plinth::providers::rest {

namespace {

constexpr std::size_t k_quoted_answer = 200;
constexpr std::array<std::string_view, 3> k_write_methods = {"POST", "PUT", "PATCH"};

ResourceSchema rest_object_schema() {
    using T = AttributeType;
    return ResourceSchema{
        "rest_object",
        "An object in a collection of a JSON REST API.",
        {
            replacing(required_attribute("path", T::String, "The collection's path below base_url, e.g. /posts.")),
            required_attribute("data", T::Map, "The object's fields, sent as JSON."),
            optional_attribute("id_attribute", T::String, "Where the answer holds the id, e.g. id or data/id.",
                               Value("id")),
            optional_attribute("create_method", T::String, "POST, PUT or PATCH.", Value("POST")),
            optional_attribute("update_method", T::String, "PUT, PATCH or POST.", Value("PUT")),
            optional_attribute("read_path", T::String, "Path template with {id}; default <path>/{id}."),
            optional_attribute("update_path", T::String, "Path template with {id}; default <path>/{id}."),
            optional_attribute("destroy_path", T::String, "Path template with {id}; default <path>/{id}."),
            computed_attribute("id", T::String, "The object's id."),
            computed_attribute("api_response", T::Any, "The server's last answer about the object."),
        },
    };
}

// What the verbs need from the attributes, with defaults filled in.
struct ObjectConfig {
    std::string path;
    std::string id_attribute = "id";
    std::string create_method = "POST";
    std::string update_method = "PUT";
    std::string read_path, update_path, destroy_path;
};

std::string string_or(const Value& attributes, std::string_view name, std::string fallback) {
    const std::string* value = string_attribute(attributes, name);
    return value != nullptr ? *value : std::move(fallback);
}

ObjectConfig config_of(const Value& attributes) {
    ObjectConfig config;
    config.path = string_or(attributes, "path", "/");
    config.id_attribute = string_or(attributes, "id_attribute", config.id_attribute);
    config.create_method = string_or(attributes, "create_method", config.create_method);
    config.update_method = string_or(attributes, "update_method", config.update_method);
    std::string object_path = default_object_path(config.path);
    config.read_path = string_or(attributes, "read_path", object_path);
    config.update_path = string_or(attributes, "update_path", object_path);
    config.destroy_path = string_or(attributes, "destroy_path", object_path);
    return config;
}

// Checks the known configured attributes; unknown ones are checked when they are known.
Result<void> check_config(const Value& planned) {
    if (const std::string* path = string_attribute(planned, "path"); path != nullptr && !path->starts_with('/'))
        return std::unexpected(attribute_error("path", "must start with '/'", fmt::format("Got \"{}\".", *path)));
    if (const std::string* id_attribute = string_attribute(planned, "id_attribute"))
        if (auto valid = check_id_attribute(*id_attribute); !valid)
            return std::unexpected(attribute_error("id_attribute", "is not a valid path", valid.error()));
    for (std::string_view name : {"create_method", "update_method"})
        if (const std::string* method = string_attribute(planned, name))
            if (std::ranges::find(k_write_methods, *method) == k_write_methods.end())
                return std::unexpected(attribute_error(std::string(name), "must be POST, PUT or PATCH",
                                                       fmt::format("Got \"{}\".", *method)));
    for (std::string_view name : {"read_path", "update_path", "destroy_path"})
        if (const std::string* path_template = string_attribute(planned, name))
            if (auto valid = check_path_template(*path_template); !valid)
                return std::unexpected(attribute_error(std::string(name), "is not a valid path template", valid.error()));
    return {};
}

std::string answer_start(const std::string& body) {
    std::string start = to_valid_utf8(body.substr(0, k_quoted_answer));
    return body.size() > k_quoted_answer ? start + "..." : start;
}

// The answer's body parsed as JSON; null for an empty body.
Result<Value> parse_answer(const std::string& method, const std::string& path, const std::string& body) {
    if (body.empty()) return Value{};
    nlohmann::json parsed = nlohmann::json::parse(body, nullptr, false);
    if (parsed.is_discarded())
        return std::unexpected(provider_error(fmt::format("The answer to {} {} is not JSON", method, path),
                                              fmt::format("The server said: {}", answer_start(body))));
    return from_json(parsed);
}

ProviderError gone_error(const std::string& method, const std::string& path, long status) {
    return ProviderError{ProviderError::Kind::NotFound, fmt::format("{} {} answered HTTP {}", method, path, status),
                         "The object or its collection does not exist on the server.", {}};
}

// Sends a request and parses the JSON answer; "not found" is an error here.
Result<Value> exchange(const RestApi& api, const std::string& method, const std::string& path,
                       const std::optional<std::string>& body) {
    auto response = api.send(method, path, body);
    if (!response) return std::unexpected(response.error());
    if (!response->ok()) return std::unexpected(gone_error(method, path, response->status));
    return parse_answer(method, path, response->body);
}

Value object_in(const Value& answer, const std::string& id_attribute) {
    std::string_view parent = parent_path(id_attribute);
    const Value* object = parent.empty() ? &answer : value_at(answer, parent);
    return object != nullptr && object->is_map() ? *object : Value{};
}

// The attributes after a write: `planned` with the id and the answer about the object, read back
// when the write's answer did not describe it.
Result<Value> recorded(const RestApi& api, const ObjectConfig& config, Value planned, const std::string& id,
                       Value answer) {
    if (!answer.is_map()) {
        auto read_back = exchange(api, "GET", expand_path(config.read_path, id), std::nullopt);
        if (!read_back) return std::unexpected(read_back.error());
        answer = std::move(*read_back);
    }
    set_attribute(planned, "id", id);
    set_attribute(planned, "api_response", std::move(answer));
    return planned;
}

Value data_of(const Value& attributes) {
    const Value* data = attributes.find("data");
    return data != nullptr ? *data : Value(ValueMap{});
}

}  // namespace

Value managed_fields(const Value& managed, const Value& server) {
    if (!managed.is_map() || !server.is_map()) return server;
    ValueMap fields;
    for (const auto& [name, value] : managed.as_map())
        if (const Value* found = server.find(name)) fields.emplace(name, managed_fields(value, *found));
    return Value(std::move(fields));
}

namespace {

class RestObject final : public ResourceType {
public:
    explicit RestObject(std::shared_ptr<const RestApi> api) : m_api(std::move(api)) {}

    const ResourceSchema& schema() const override { return m_schema; }

    Result<void> refine_plan(const Value&, GenericPlan& plan) const override { return check_config(plan.planned); }

    Result<Value> create(const Value& planned) const override {
        ObjectConfig config = config_of(planned);
        const Value data = data_of(planned);
        auto answer = exchange(*m_api, config.create_method, config.path, to_json(data).dump());
        if (!answer) return std::unexpected(answer.error());
        const Value* id_value = value_at(*answer, config.id_attribute);
        if (id_value == nullptr) id_value = value_at(data, config.id_attribute);
        auto id = id_value ? id_text(*id_value) : std::nullopt;
        if (!id)
            return std::unexpected(provider_error(
                fmt::format("The answer to {} {} has no id at \"{}\"", config.create_method, config.path,
                            config.id_attribute),
                fmt::format("Set id_attribute to where the server puts the new object's id. The answer was: {}",
                            answer_start(to_json(*answer).dump())),
                "id_attribute"));
        return recorded(*m_api, config, planned, *id, std::move(*answer));
    }

    Result<std::optional<Value>> read(const Value& current) const override {
        const std::string* id = string_attribute(current, "id");
        if (id == nullptr) return std::optional<Value>{};
        ObjectConfig config = config_of(current);
        std::string path = expand_path(config.read_path, *id);
        auto response = m_api->send("GET", path, std::nullopt);
        if (!response) return std::unexpected(response.error());
        if (!response->ok()) return std::optional<Value>{};
        auto answer = parse_answer("GET", path, response->body);
        if (!answer) return std::unexpected(answer.error());
        Value object = object_in(*answer, config.id_attribute);
        if (!object.is_map())
            return std::unexpected(provider_error(fmt::format("The answer to GET {} holds no object", path),
                                                  fmt::format("The answer was: {}", answer_start(response->body))));
        Value refreshed = current;
        set_attribute(refreshed, "data", managed_fields(data_of(current), object));
        set_attribute(refreshed, "api_response", std::move(*answer));
        return std::optional{std::move(refreshed)};
    }

    Result<Value> update(const Value& prior, const Value& planned) const override {
        const std::string* id = string_attribute(prior, "id");
        if (id == nullptr) return std::unexpected(provider_error("rest_object has no id in state"));
        ObjectConfig config = config_of(planned);
        const Value data = data_of(planned);
        auto answer = exchange(*m_api, config.update_method, expand_path(config.update_path, *id), to_json(data).dump());
        if (!answer) return std::unexpected(answer.error());
        return recorded(*m_api, config, planned, *id, std::move(*answer));
    }

    Result<void> remove(const Value& current) const override {
        const std::string* id = string_attribute(current, "id");
        if (id == nullptr) return {};
        auto response = m_api->send("DELETE", expand_path(config_of(current).destroy_path, *id), std::nullopt);
        if (!response) return std::unexpected(response.error());
        return {};
    }

    Result<Value> import(const std::string& text) const override {
        auto where = parse_import_id(text);
        if (!where) return std::unexpected(provider_error("Invalid rest_object import id", where.error()));
        std::string path = expand_path(default_object_path(where->path), where->id);
        auto answer = exchange(*m_api, "GET", path, std::nullopt);
        if (!answer) return std::unexpected(answer.error());
        if (!answer->is_map())
            return std::unexpected(provider_error(fmt::format("The answer to GET {} is not an object", path)));
        Value data = *answer;
        erase_at(data, "id");
        Value imported = plan_from_schema(m_schema, nullptr, Value(ValueMap{{"path", where->path}})).planned;
        set_attribute(imported, "data", std::move(data));
        set_attribute(imported, "id", where->id);
        set_attribute(imported, "api_response", std::move(*answer));
        return imported;
    }

private:
    ResourceSchema m_schema = rest_object_schema();
    std::shared_ptr<const RestApi> m_api;
};

}  // namespace

std::unique_ptr<ResourceType> make_rest_object(std::shared_ptr<const RestApi> api) {
    return std::make_unique<RestObject>(std::move(api));
}

}  // namespace plinth::providers::rest
