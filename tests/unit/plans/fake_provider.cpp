#include "fake_provider.h"

namespace plinth::testing {

using providers::AttributeSchema;

FakeProvider::FakeProvider(std::shared_ptr<FakeWorld> world) : m_world(std::move(world)) {
    m_schema.name = "fake";
    m_schema.version = "1.0.0";
    providers::ResourceSchema thing;
    thing.type = "fake_thing";
    AttributeSchema name, value, id;
    name.name = "name";
    name.required = name.force_new = true;
    value.name = "value";
    value.optional = true;
    id.name = "id";
    id.computed = true;
    thing.attributes = {name, value, id};
    m_schema.resources.push_back(thing);
    AttributeSchema endpoint, token;
    endpoint.name = "endpoint";
    endpoint.optional = true;
    endpoint.default_value = Value("local");
    token.name = "token";
    token.optional = token.sensitive = true;
    m_schema.config = {endpoint, token};
}

providers::Result<void> FakeProvider::configure(const Value& settings) {
    std::lock_guard lock(m_world->mutex);
    std::string endpoint = settings.find("endpoint")->as_string();
    m_world->calls.push_back("configure " + endpoint);
    m_world->settings = settings;
    if (endpoint == "down")
        return std::unexpected(providers::provider_error("cannot reach the endpoint", {}, "endpoint"));
    return {};
}

std::vector<providers::ProviderError> FakeProvider::validate(providers::BlockKind, const std::string&,
                                                             const Value& config) {
    const Value* value = config.find("value");
    if (value && value->is_string() && value->as_string() == "invalid")
        return {providers::provider_error("value must not be \"invalid\"", "the fake says so", "value")};
    return {};
}

providers::Result<providers::PlanResult> FakeProvider::plan(const std::string&, const Value* prior, const Value& desired) {
    auto generic = providers::plan_from_schema(m_schema.resources[0], prior, desired);
    return providers::PlanResult{std::move(generic.planned), std::move(generic.requires_replace)};
}

providers::Result<Value> FakeProvider::create(const std::string&, const Value& planned) {
    std::lock_guard lock(m_world->mutex);
    const Value* value = planned.find("value");
    std::string name = planned.find("name")->as_string();
    m_world->calls.push_back("create " + name);
    if (value && value->is_string() && value->as_string() == "fail")
        return std::unexpected(providers::provider_error("cannot create " + name, "value is fail"));
    Value object = planned;
    std::string id = "id-" + std::to_string(m_world->next_id++);
    object.as_map()["id"] = Value(id);
    m_world->objects[id] = object;
    return object;
}

providers::Result<std::optional<Value>> FakeProvider::read(const std::string&, const Value& current) {
    std::lock_guard lock(m_world->mutex);
    const Value* id = current.find("id");
    if (!id || !id->is_string()) return std::optional<Value>();
    auto it = m_world->objects.find(id->as_string());
    if (it == m_world->objects.end()) return std::optional<Value>();
    return std::optional<Value>(it->second);
}

providers::Result<Value> FakeProvider::update(const std::string&, const Value&, const Value& planned) {
    std::lock_guard lock(m_world->mutex);
    m_world->calls.push_back("update " + planned.find("name")->as_string());
    m_world->objects[planned.find("id")->as_string()] = planned;
    return planned;
}

providers::Result<void> FakeProvider::remove(const std::string&, const Value& current) {
    std::lock_guard lock(m_world->mutex);
    m_world->calls.push_back("remove " + current.find("name")->as_string());
    m_world->objects.erase(current.find("id")->as_string());
    return {};
}

providers::ProviderRegistry fake_registry(const std::shared_ptr<FakeWorld>& world) {
    providers::ProviderRegistry registry;
    registry.add("fake", [world] { return std::make_unique<FakeProvider>(world); });
    return registry;
}

std::expected<void, Diagnostic> MemoryJournal::record_put(const ResourceState& resource) {
    std::lock_guard lock(m_mutex);
    records.push_back("put " + resource.address + " " + std::string(to_string(resource.status)));
    return {};
}

std::expected<void, Diagnostic> MemoryJournal::record_remove(const std::string& address) {
    std::lock_guard lock(m_mutex);
    records.push_back("remove " + address);
    return {};
}

}  // namespace plinth::testing
