#include "providers/aws/aws_provider.h"

#include "providers/aws/aws_settings.h"
#include "providers/aws/aws_types.h"
#include "providers/typed_provider.h"

namespace plinth::providers {

namespace {

class AwsProvider final : public TypedProvider {
public:
    AwsProvider(EnvironmentLookup environment, std::shared_ptr<aws::AwsApi> api)
        : TypedProvider("aws", resource_types(api), data_source_types(api), aws::aws_settings_schema()),
          m_environment(std::move(environment)),
          m_api(std::move(api)) {}

    Result<void> configure(const Value& config) override {
        if (auto valid = TypedProvider::configure(config); !valid) return valid;
        auto settings = aws::read_settings(config, m_environment);
        if (!settings) return std::unexpected(settings.error());
        m_api->configure(*settings);
        return {};
    }

private:
    static std::vector<std::unique_ptr<ResourceType>> resource_types(const std::shared_ptr<aws::AwsApi>& api) {
        std::vector<std::unique_ptr<ResourceType>> types;
        types.push_back(aws::make_s3_bucket(api));
        types.push_back(aws::make_s3_object(api));
        types.push_back(aws::make_dynamodb_table(api));
        types.push_back(aws::make_sqs_queue(api));
        return types;
    }

    static std::vector<std::unique_ptr<DataSourceType>> data_source_types(const std::shared_ptr<aws::AwsApi>& api) {
        std::vector<std::unique_ptr<DataSourceType>> types;
        types.push_back(aws::make_s3_object_data(api));
        types.push_back(aws::make_caller_identity(api));
        return types;
    }

    EnvironmentLookup m_environment;
    std::shared_ptr<aws::AwsApi> m_api;  // shared with the types
};

}  // namespace

std::unique_ptr<Provider> make_aws_provider() {
    return make_aws_provider(plinth::process_environment, std::make_shared<aws::AwsApi>());
}

std::unique_ptr<Provider> make_aws_provider(EnvironmentLookup environment,
                                            std::shared_ptr<aws::AwsApi> api) {
    return std::make_unique<AwsProvider>(std::move(environment), std::move(api));
}

}  // namespace plinth::providers
