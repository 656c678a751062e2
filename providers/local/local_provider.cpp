#include "providers/local/local_provider.h"

#include "providers/local/local_file.h"
#include "providers/typed_provider.h"

namespace plinth::providers {

std::unique_ptr<Provider> make_local_provider() {
    std::vector<std::unique_ptr<ResourceType>> resources;
    resources.push_back(local::make_local_file_resource());
    std::vector<std::unique_ptr<DataSourceType>> data_sources;
    data_sources.push_back(local::make_local_file_data_source());
    return std::make_unique<TypedProvider>("local", std::move(resources), std::move(data_sources));
}

}  // namespace plinth::providers
