#include "providers/external/external_provider.h"

#include "providers/external/external_data.h"
#include "providers/typed_provider.h"

namespace plinth::providers {

std::unique_ptr<Provider> make_external_provider() {
    std::vector<std::unique_ptr<DataSourceType>> data_sources;
    data_sources.push_back(external::make_external_data_source());
    return std::make_unique<TypedProvider>("external", std::vector<std::unique_ptr<ResourceType>>{},
                                           std::move(data_sources));
}

}  // namespace plinth::providers
