#include "providers/postgresql/postgresql_provider.h"

#include "providers/attributes.h"
#include "providers/postgresql/catalog_rows.h"
#include "providers/postgresql/postgresql_types.h"
#include "providers/typed_provider.h"

namespace plinth::providers {

namespace {

using namespace postgresql;

class PostgresqlProvider final : public TypedProvider {
public:
    PostgresqlProvider(std::shared_ptr<ConnectionCache> connections, EnvironmentLookup environment)
        : TypedProvider("postgresql", resource_types(connections), {}, postgresql_settings_schema()),
          m_connections(std::move(connections)), m_environment(std::move(environment)) {}

    Result<void> configure(const Value& config) override {
        if (auto valid = TypedProvider::configure(config); !valid) return valid;
        auto settings = read_postgresql_settings(config, m_environment);
        if (!settings) return std::unexpected(settings.error());
        m_connections->configure(std::move(*settings));
        return {};
    }

    // Lists of names are sets to PostgreSQL: the stack's order differing from the recorded one (an
    // import records the catalog's) is no change.
    Result<PlanResult> plan(const std::string& type, const Value* prior, const Value& desired) override {
        auto planned = TypedProvider::plan(type, prior, desired);
        if (!planned || prior == nullptr) return planned;
        for (const char* name : {"roles", "privileges"})
            if (const Value* wanted = planned->planned.find(name); wanted != nullptr && wanted->is_wholly_known())
                set_attribute(planned->planned, name,
                              names_in_configured_order(strings_of(*wanted), prior->find(name)));
        return planned;
    }

private:
    static std::vector<std::unique_ptr<ResourceType>> resource_types(const std::shared_ptr<ConnectionCache>& cache) {
        std::vector<std::unique_ptr<ResourceType>> types;
        types.push_back(make_postgresql_role(cache));
        types.push_back(make_postgresql_database(cache));
        types.push_back(make_postgresql_schema(cache));
        types.push_back(make_postgresql_grant(cache));
        types.push_back(make_postgresql_extension(cache));
        return types;
    }

    std::shared_ptr<ConnectionCache> m_connections;  // shared with the resource types
    EnvironmentLookup m_environment;
};

}  // namespace

std::unique_ptr<Provider> make_postgresql_provider() {
    return make_postgresql_provider(plinth::process_environment);
}

std::unique_ptr<Provider> make_postgresql_provider(EnvironmentLookup environment) {
    return std::make_unique<PostgresqlProvider>(std::make_shared<postgresql::ConnectionCache>(),
                                                std::move(environment));
}

}  // namespace plinth::providers
