// core/aws/sts_client.h: STS GetCallerIdentity (the query protocol: a form-encoded POST answered
// with XML), which says whose credentials plinth signs with.
#pragma once

#include <expected>
#include <memory>
#include <optional>
#include <string>

#include "core/aws/aws_client.h"

namespace plinth::aws {

struct CallerIdentity {
    std::string account;
    std::string arn;
    std::string user_id;
};

// The identity in a GetCallerIdentity answer; nullopt when the document holds none (the
// endpoint answered something else).
std::optional<CallerIdentity> caller_identity_of(const std::string& xml);

class StsClient {
public:
    // `endpoint` is scheme://host[:port]; empty: https://sts.REGION.amazonaws.com.
    StsClient(std::shared_ptr<const AwsClient> client, std::string endpoint);

    // The identity; nullopt when the endpoint answered successfully but not with an identity.
    std::expected<std::optional<CallerIdentity>, AwsError> caller_identity() const;

    const std::string& endpoint() const { return m_endpoint; }

private:
    std::shared_ptr<const AwsClient> m_client;
    std::string m_endpoint;
};

}  // namespace plinth::aws
