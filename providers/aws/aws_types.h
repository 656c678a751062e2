// providers/aws/aws_types.h: the aws provider's resource and data-source types, one file each,
// all sharing one AwsApi (the configured clients):
//   aws_s3_bucket (s3_bucket.cpp), aws_s3_object (s3_object.cpp), aws_dynamodb_table
//   (dynamodb_table.cpp), aws_sqs_queue (sqs_queue.cpp); data sources aws_s3_object
//   (s3_object_data.cpp) and aws_caller_identity (caller_identity.cpp).
// docs/provider-aws.md describes every attribute and import id.
#pragma once

#include <memory>

#include "providers/aws/aws_api.h"
#include "providers/resource_type.h"

namespace plinth::providers::aws {

std::unique_ptr<ResourceType> make_s3_bucket(std::shared_ptr<const AwsApi> api);
std::unique_ptr<ResourceType> make_s3_object(std::shared_ptr<const AwsApi> api);
std::unique_ptr<ResourceType> make_dynamodb_table(std::shared_ptr<const AwsApi> api);
std::unique_ptr<ResourceType> make_sqs_queue(std::shared_ptr<const AwsApi> api);
std::unique_ptr<DataSourceType> make_s3_object_data(std::shared_ptr<const AwsApi> api);
std::unique_ptr<DataSourceType> make_caller_identity(std::shared_ptr<const AwsApi> api);

}  // namespace plinth::providers::aws
