// providers/aws/aws_provider.h: the built-in "aws" provider: S3 buckets and objects, DynamoDB
// tables and SQS queues on AWS or endpoints that speak their protocols (docs/provider-aws.md).
// Settings are in aws_settings.h, the types in aws_types.h; requests go through core/aws.
#pragma once

#include <memory>

#include "core/aws/credentials.h"
#include "providers/aws/aws_api.h"
#include "providers/provider.h"

namespace plinth::providers {

std::unique_ptr<Provider> make_aws_provider();
// The same, reading fallbacks from `environment` and calling AWS through `api` (for tests).
std::unique_ptr<Provider> make_aws_provider(EnvironmentLookup environment,
                                            std::shared_ptr<aws::AwsApi> api);

}  // namespace plinth::providers
