// The aws_caller_identity data source: whose credentials plinth signs with (STS GetCallerIdentity).
#include <fmt/format.h>

#include "providers/attributes.h"
#include "providers/aws/aws_types.h"

namespace plinth::providers::aws {

namespace {

ResourceSchema caller_identity_schema() {
    using T = AttributeType;
    return ResourceSchema{
        "aws_caller_identity",
        "The account, ARN and user id of the credentials in use.",
        {
            computed_attribute("account_id", T::String, "The AWS account id."),
            computed_attribute("arn", T::String, "The ARN of the caller."),
            computed_attribute("user_id", T::String, "The caller's unique id."),
            computed_attribute("id", T::String, "The account id."),
        },
    };
}

ProviderError unsupported_endpoint(const std::string& endpoint, const std::string& detail) {
    return provider_error(fmt::format("aws_caller_identity is not supported by this endpoint ({})", endpoint),
                          fmt::format("{}\nSTS GetCallerIdentity got no identity there. Set endpoints.sts to a service "
                                      "that answers it, or leave it unset for AWS's own STS.",
                                      detail));
}

class CallerIdentityData final : public DataSourceType {
public:
    explicit CallerIdentityData(std::shared_ptr<const AwsApi> api) : m_api(std::move(api)) {}

    const ResourceSchema& schema() const override { return m_schema; }

    Result<Value> read(const Value& config) const override {
        auto clients = m_api->clients();
        if (!clients) return std::unexpected(clients.error());
        const auto& sts = (*clients)->sts;
        auto identity = sts.caller_identity();
        if (!identity) {
            const auto& error = identity.error();
            // No answer, or a refusal of the credentials: AWS's words as they are.
            bool refused = error.status == 401 || error.status == 403;
            if (error.status == 0 || refused) return std::unexpected(aws_failure(error));
            return std::unexpected(unsupported_endpoint(sts.endpoint(), error.detail()));
        }
        if (!*identity) return std::unexpected(unsupported_endpoint(sts.endpoint(), "The answer held no identity."));
        Value result = config.is_map() ? config : Value(ValueMap{});
        set_attribute(result, "account_id", (*identity)->account);
        set_attribute(result, "arn", (*identity)->arn);
        set_attribute(result, "user_id", (*identity)->user_id);
        set_attribute(result, "id", (*identity)->account);
        return result;
    }

private:
    ResourceSchema m_schema = caller_identity_schema();
    std::shared_ptr<const AwsApi> m_api;
};

}  // namespace

std::unique_ptr<DataSourceType> make_caller_identity(std::shared_ptr<const AwsApi> api) {
    return std::make_unique<CallerIdentityData>(std::move(api));
}

}  // namespace plinth::providers::aws
