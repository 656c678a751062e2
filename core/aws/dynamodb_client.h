// core/aws/dynamodb_client.h: DynamoDB's JSON protocol (POST with X-Amz-Target), the item calls
// plinth makes (PutItem with a ConditionExpression, GetItem, DeleteItem; items are JSON in
// DynamoDB's attribute-value form: {"LockID": {"S": "..."}}) and the table calls (CreateTable,
// DescribeTable, UpdateTable, DeleteTable).
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
// The error code for a table that does not exist.
inline constexpr std::string_view k_table_not_found = "ResourceNotFoundException";

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

    // CreateTable and UpdateTable with a request body as the API documents it; the answer's
    // TableDescription.
    std::expected<nlohmann::json, AwsError> create_table(const nlohmann::json& request) const;
    std::expected<nlohmann::json, AwsError> update_table(const nlohmann::json& request) const;
    // DescribeTable's Table; nullopt when there is no such table.
    std::expected<std::optional<nlohmann::json>, AwsError> describe_table(const std::string& table) const;
    // Starts deleting the table; a table that does not exist is not an error.
    std::expected<void, AwsError> delete_table(const std::string& table) const;

private:
    std::shared_ptr<const AwsClient> m_client;
    std::string m_endpoint;
};

}  // namespace plinth::aws
