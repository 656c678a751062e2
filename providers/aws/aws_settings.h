// providers/aws/aws_settings.h: the aws provider's settings (the `providers: { aws: ... }` block)
// and their fallbacks, read into what every AWS call needs:
//   region                 else AWS_REGION, else AWS_DEFAULT_REGION; required one way or the other
//   access_key, secret_key, token, profile
//                          the credentials chain of core/aws/credentials.h (environment, then the
//                          shared credentials file and its profile)
//   endpoints              { s3, dynamodb, sqs, sts }: URLs replacing AWS's own (local emulators,
//                          S3-compatible services); else AWS_ENDPOINT_URL_<SERVICE>, else AWS_ENDPOINT_URL
//   s3_use_path_style      ENDPOINT/BUCKET/KEY instead of BUCKET.ENDPOINT/KEY; default false
//   max_retries            further tries after throttling, a 5xx or no answer; default 5
#pragma once

#include <string>
#include <vector>

#include "core/aws/aws_client.h"
#include "core/aws/credentials.h"
#include "providers/schema.h"
#include "providers/provider.h"

namespace plinth::providers::aws {

struct Endpoints {
    std::string s3, dynamodb, sqs, sts;  // empty: AWS's endpoint for the region
};

struct AwsSettings {
    std::string region;
    plinth::aws::Credentials credentials;
    Endpoints endpoints;
    bool s3_use_path_style = false;
    int max_retries = 5;
};

std::vector<AttributeSchema> aws_settings_schema();

// `config` has been checked against aws_settings_schema(); defaults may be missing.
Result<AwsSettings> read_settings(const Value& config, const EnvironmentLookup& environment);

}  // namespace plinth::providers::aws
