#include <algorithm>
#include <fmt/format.h>

#include "core/digest.h"
#include "providers/attributes.h"
#include "providers/random/random_types.h"
#include "providers/stored_resource.h"

namespace plinth::providers::random {

namespace {

ResourceSchema random_uuid_schema() {
    using T = AttributeType;
    return ResourceSchema{
        "random_uuid",
        "A random (version 4) UUID.",
        {
            keepers_attribute(),
            computed_attribute("result", T::String, "The UUID, lower-case."),
            computed_attribute("id", T::String, "The UUID, lower-case."),
        },
    };
}

// 8-4-4-4-12 hexadecimal digits.
bool is_uuid(std::string_view text) {
    if (text.size() != 36) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash != (text[i] == '-')) return false;
        if (!dash && !std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
    }
    return true;
}

class RandomUuid final : public StoredResource {
public:
    const ResourceSchema& schema() const override { return m_schema; }

    Result<Value> create(const Value& planned) const override {
        std::string uuid = random_uuid();
        Value result = planned;
        set_attribute(result, "result", uuid);
        set_attribute(result, "id", uuid);
        return result;
    }

    Result<Value> import(const std::string& id) const override {
        if (!is_uuid(id))
            return std::unexpected(provider_error(fmt::format("Cannot import random_uuid \"{}\"", id),
                                                  "Expected a UUID like 6e1d2ab0-5e4f-4c83-9a55-3c0e2e8b7a10."));
        std::string uuid = id;
        std::transform(uuid.begin(), uuid.end(), uuid.begin(), [](unsigned char c) { return std::tolower(c); });
        return Value(ValueMap{{"keepers", Value{}}, {"result", uuid}, {"id", uuid}});
    }

private:
    ResourceSchema m_schema = random_uuid_schema();
};

}  // namespace

std::unique_ptr<ResourceType> make_random_uuid() { return std::make_unique<RandomUuid>(); }

}  // namespace plinth::providers::random
