#include "providers/http/http_provider.h"

#include "providers/http/http_request_data.h"
#include "providers/typed_provider.h"

namespace plinth::providers {

std::unique_ptr<Provider> make_http_provider() {
    std::vector<std::unique_ptr<DataSourceType>> data_sources;
    data_sources.push_back(http::make_http_request_data_source());
    return std::make_unique<TypedProvider>("http", std::vector<std::unique_ptr<ResourceType>>{},
                                           std::move(data_sources));
}

}  // namespace plinth::providers
