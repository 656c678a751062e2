#include "providers/time/time_provider.h"

#include <chrono>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <thread>

#include "core/duration.h"
#include "providers/attributes.h"
#include "providers/stored_resource.h"
#include "providers/typed_provider.h"

namespace plinth::providers {

namespace {

ResourceSchema time_sleep_schema() {
    using T = AttributeType;
    return ResourceSchema{
        "time_sleep",
        "Waits when created and when destroyed.",
        {
            optional_attribute("create_duration", T::String, "How long create waits: \"30s\", \"1m30s\"."),
            optional_attribute("destroy_duration", T::String, "How long destroy waits: \"30s\", \"1m30s\"."),
            replacing(optional_attribute("triggers", T::Map,
                                         "Arbitrary strings; changing any of them replaces the resource.")),
            computed_attribute("id", T::String, "The UTC time of creation, RFC 3339."),
        },
    };
}

// The duration at `name`: zero when unset, an error naming the attribute when malformed.
Result<std::chrono::nanoseconds> duration_attribute(const Value& attributes, std::string_view name) {
    const Value* value = attributes.find(name);
    if (value == nullptr || value->is_null()) return std::chrono::nanoseconds{0};
    if (!value->is_string()) return std::unexpected(attribute_error(std::string(name), "must be a duration string"));
    auto parsed = parse_duration(value->as_string());
    if (!parsed) return std::unexpected(attribute_error(std::string(name), "is not a valid duration", parsed.error()));
    return *parsed;
}

std::string rfc3339_now() {
    auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::chrono::system_clock::to_time_t(now)));
}

class TimeSleep final : public StoredResource {
public:
    const ResourceSchema& schema() const override { return m_schema; }

    Result<void> refine_plan(const Value&, GenericPlan& plan) const override {
        for (std::string_view name : {"create_duration", "destroy_duration"})
            if (!is_unknown_attribute(plan.planned, name))
                if (auto duration = duration_attribute(plan.planned, name); !duration)
                    return std::unexpected(duration.error());
        return {};
    }

    Result<Value> create(const Value& planned) const override {
        auto duration = duration_attribute(planned, "create_duration");
        if (!duration) return std::unexpected(duration.error());
        std::this_thread::sleep_for(*duration);
        Value result = planned;
        set_attribute(result, "id", rfc3339_now());
        return result;
    }

    Result<void> remove(const Value& current) const override {
        auto duration = duration_attribute(current, "destroy_duration");
        if (!duration) return std::unexpected(duration.error());
        std::this_thread::sleep_for(*duration);
        return {};
    }

private:
    ResourceSchema m_schema = time_sleep_schema();
};

}  // namespace

std::unique_ptr<Provider> make_time_provider() {
    std::vector<std::unique_ptr<ResourceType>> resources;
    resources.push_back(std::make_unique<TimeSleep>());
    return std::make_unique<TypedProvider>("time", std::move(resources));
}

}  // namespace plinth::providers
