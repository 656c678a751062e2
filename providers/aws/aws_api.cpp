#include "providers/aws/aws_api.h"

#include <thread>

namespace plinth::providers::aws {

AwsApi::AwsApi()
    : AwsApi(
          [](plinth::aws::Credentials credentials, std::string region, plinth::aws::AwsClientOptions options) {
              return std::make_shared<const plinth::aws::AwsClient>(std::move(credentials), std::move(region), options);
          },
          [](std::chrono::milliseconds wait) { std::this_thread::sleep_for(wait); }) {}

AwsApi::AwsApi(ClientMaker make_client, net::Sleeper sleep)
    : m_make_client(std::move(make_client)), m_sleep(std::move(sleep)) {}

void AwsApi::configure(const AwsSettings& settings) {
    plinth::aws::AwsClientOptions options;
    options.retries = settings.max_retries;
    auto client = m_make_client(settings.credentials, settings.region, options);
    auto clients = std::make_shared<const AwsClients>(AwsClients{
        plinth::aws::S3Client(client, {settings.endpoints.s3, settings.s3_use_path_style}),
        plinth::aws::DynamoDbClient(client, settings.endpoints.dynamodb),
        plinth::aws::SqsClient(client, settings.endpoints.sqs),
        plinth::aws::StsClient(client, settings.endpoints.sts),
        m_sleep,
    });
    std::lock_guard lock(m_mutex);
    m_clients = std::move(clients);
}

Result<std::shared_ptr<const AwsClients>> AwsApi::clients() const {
    std::lock_guard lock(m_mutex);
    if (!m_clients)
        return std::unexpected(provider_error("The aws provider is not configured",
                                              "This is a bug: the engine configures a provider before using it."));
    return m_clients;
}

ProviderError aws_failure(const plinth::aws::AwsError& error) { return provider_error(error.summary, error.detail()); }

}  // namespace plinth::providers::aws
