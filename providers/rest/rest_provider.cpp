#include "providers/rest/rest_provider.h"

#include "providers/attributes.h"
#include "providers/rest/rest_api.h"
#include "providers/rest/rest_object.h"
#include "providers/typed_provider.h"

namespace plinth::providers {

namespace {

class RestProvider final : public TypedProvider {
public:
    RestProvider(std::shared_ptr<rest::RestApi> api, EnvironmentLookup environment)
        : TypedProvider("rest", resource_types(api), {}, rest::rest_settings_schema()), m_api(std::move(api)),
          m_environment(std::move(environment)) {}

    Result<void> configure(const Value& config) override {
        if (auto valid = TypedProvider::configure(config); !valid) return valid;
        auto settings = rest::read_settings(config, m_environment);
        if (!settings) return std::unexpected(settings.error());
        m_api->configure(std::move(*settings));
        return {};
    }

    // A kept object whose configuration changes is written again, so the server's answer about
    // it is known only after apply.
    Result<PlanResult> plan(const std::string& type, const Value* prior, const Value& desired) override {
        auto planned = TypedProvider::plan(type, prior, desired);
        if (!planned || prior == nullptr || !planned->requires_replace.empty()) return planned;
        Value unchanged = planned->planned;
        if (const Value* response = prior->find("api_response")) set_attribute(unchanged, "api_response", *response);
        if (!(unchanged == *prior)) set_attribute(planned->planned, "api_response", Value::unknown());
        return planned;
    }

private:
    static std::vector<std::unique_ptr<ResourceType>> resource_types(const std::shared_ptr<rest::RestApi>& api) {
        std::vector<std::unique_ptr<ResourceType>> types;
        types.push_back(rest::make_rest_object(api));
        return types;
    }

    std::shared_ptr<rest::RestApi> m_api;  // shared with the resource types
    EnvironmentLookup m_environment;
};

}  // namespace

std::unique_ptr<Provider> make_rest_provider() { return make_rest_provider(plinth::process_environment); }

std::unique_ptr<Provider> make_rest_provider(EnvironmentLookup environment) {
    return std::make_unique<RestProvider>(std::make_shared<rest::RestApi>(), std::move(environment));
}

}  // namespace plinth::providers
