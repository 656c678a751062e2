// providers/aws/aws_api.h: what the aws provider's resource types share: the clients of each
// service, made from the settings configure() read. Safe to use from many threads; configure()
// may replace the clients while calls run (callers keep the ones they took).
#pragma once

#include <functional>
#include <memory>
#include <mutex>

#include "core/aws/dynamodb_client.h"
#include "core/aws/s3_client.h"
#include "core/aws/sqs_client.h"
#include "core/aws/sts_client.h"
#include "providers/aws/aws_settings.h"
#include "providers/provider.h"

namespace plinth::providers::aws {

struct AwsClients {
    plinth::aws::S3Client s3;
    plinth::aws::DynamoDbClient dynamodb;
    plinth::aws::SqsClient sqs;
    plinth::aws::StsClient sts;
    net::Sleeper sleep;  // waits between polls (a table becoming ACTIVE)
};

// Makes the signing client from credentials, region and options (tests give a scripted transport).
using ClientMaker = std::function<std::shared_ptr<const plinth::aws::AwsClient>(
    plinth::aws::Credentials, std::string region, plinth::aws::AwsClientOptions)>;

class AwsApi {
public:
    // By default the real libcurl transport and real sleeps.
    AwsApi();
    AwsApi(ClientMaker make_client, net::Sleeper sleep);

    void configure(const AwsSettings& settings);
    // The clients; an error when the provider was never configured.
    Result<std::shared_ptr<const AwsClients>> clients() const;

private:
    ClientMaker m_make_client;
    net::Sleeper m_sleep;
    mutable std::mutex m_mutex;  // guards m_clients (the pointer; the clients never change)
    std::shared_ptr<const AwsClients> m_clients;
};

// An AWS failure as a provider error: the call in the summary, AWS's code and message verbatim in
// the detail.
ProviderError aws_failure(const plinth::aws::AwsError& error);

}  // namespace plinth::providers::aws
