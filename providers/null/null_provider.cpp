#include "providers/null/null_provider.h"

#include <cstdint>
#include <limits>

#include "core/digest.h"
#include "providers/attributes.h"
#include "providers/stored_resource.h"
#include "providers/typed_provider.h"

namespace plinth::providers {

namespace {

ResourceSchema null_resource_schema() {
    return ResourceSchema{
        "null_resource",
        "Does nothing; replaced whenever its triggers change.",
        {
            replacing(optional_attribute("triggers", AttributeType::Map,
                                         "Arbitrary strings; changing any of them replaces the resource.")),
            computed_attribute("id", AttributeType::String, "A random decimal number, as Terraform's."),
        },
    };
}

class NullResource final : public StoredResource {
public:
    const ResourceSchema& schema() const override { return m_schema; }

    Result<Value> create(const Value& planned) const override {
        Value result = planned;
        set_attribute(result, "id", std::to_string(random_integer(0, std::numeric_limits<std::int64_t>::max())));
        return result;
    }

private:
    ResourceSchema m_schema = null_resource_schema();
};

}  // namespace

std::unique_ptr<Provider> make_null_provider() {
    std::vector<std::unique_ptr<ResourceType>> resources;
    resources.push_back(std::make_unique<NullResource>());
    return std::make_unique<TypedProvider>("null", std::move(resources));
}

}  // namespace plinth::providers
