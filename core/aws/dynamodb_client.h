// core/aws/dynamodb_client.h: DynamoDB's JSON protocol (POST with X-Amz-Target), and the item calls
// plinth makes: PutItem with a ConditionExpression, GetItem, DeleteItem. Items are JSON in
// DynamoDB's attribute-value form: {"LockID": {"S": "..."}}.
#pragma once

#include <expected>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/aws/aws_client.h"

namespace plinth::aws {

// The error code DynamoDB answers when a ConditionExpression is false.
inline constexpr std::string_view k_condition_failed = "ConditionalCheckFailedException";

// A condition and the values it refers to (":name" -> attribute value).
struct Condition {
    std::string expression;  // "attribute_not_exists(LockID)", "Info = :info"
    nlohmann::json values = nlohmann::json::object();
};

class DynamoDbClient {
public:
    // `endpoint` is scheme://host[:port]; empty: https://dynamodb.REGION.amazonaws.com.
    DynamoDbClient(std::shared_ptr<const AwsClient> client, std::string endpoint);

    // Calls `operation` ("PutItem") with `body`; the answer's JSON.
    std::expected<nlohmann::json, AwsError> call(const std::string& operation, const nlohmann::json& body) const;

    // Fails with code k_condition_failed when `condition` is false.
    std::expected<void, AwsError> put_item(const std::string& table, const nlohmann::json& item,
                                           const std::optional<Condition>& condition = std::nullopt) const;
    // The item (strongly consistent read); nullopt when there is none.
    std::expected<std::optional<nlohmann::json>, AwsError> get_item(const std::string& table,
                                                                     const nlohmann::json& key) const;
    std::expected<void, AwsError> delete_item(const std::string& table, const nlohmann::json& key,
                                              const std::optional<Condition>& condition = std::nullopt) const;

private:
    std::shared_ptr<const AwsClient> m_client;
    std::string m_endpoint;
};

}  // namespace plinth::aws
