#include "core/aws/dynamodb_client.h"

#include <fmt/format.h>

#include "core/aws/json_protocol.h"

namespace plinth::aws {

namespace {

void add_condition(nlohmann::json& body, const std::optional<Condition>& condition) {
    if (!condition) return;
    body["ConditionExpression"] = condition->expression;
    if (!condition->values.empty()) body["ExpressionAttributeValues"] = condition->values;
}

}  // namespace

DynamoDbClient::DynamoDbClient(std::shared_ptr<const AwsClient> client, std::string endpoint)
    : m_client(std::move(client)), m_endpoint(std::move(endpoint)) {
    if (m_endpoint.empty()) m_endpoint = fmt::format("https://dynamodb.{}.amazonaws.com", m_client->region());
    while (m_endpoint.ends_with('/')) m_endpoint.pop_back();
}

std::expected<nlohmann::json, AwsError> DynamoDbClient::call(const std::string& operation,
                                                             const nlohmann::json& body) const {
    return send_json_call(*m_client, {"dynamodb", m_endpoint, "DynamoDB_20120810." + operation, body,
                                      fmt::format("DynamoDB {} on table {}", operation,
                                                  body.value("TableName", std::string("?")))});
}

std::expected<void, AwsError> DynamoDbClient::put_item(const std::string& table, const nlohmann::json& item,
                                                       const std::optional<Condition>& condition) const {
    nlohmann::json body{{"TableName", table}, {"Item", item}};
    add_condition(body, condition);
    auto answer = call("PutItem", body);
    if (!answer) return std::unexpected(answer.error());
    return {};
}

std::expected<std::optional<nlohmann::json>, AwsError> DynamoDbClient::get_item(const std::string& table,
                                                                                 const nlohmann::json& key) const {
    auto answer = call("GetItem", {{"TableName", table}, {"Key", key}, {"ConsistentRead", true}});
    if (!answer) return std::unexpected(answer.error());
    auto item = answer->find("Item");
    if (item == answer->end() || !item->is_object()) return std::nullopt;
    return *item;
}

std::expected<void, AwsError> DynamoDbClient::delete_item(const std::string& table, const nlohmann::json& key,
                                                          const std::optional<Condition>& condition) const {
    nlohmann::json body{{"TableName", table}, {"Key", key}};
    add_condition(body, condition);
    auto answer = call("DeleteItem", body);
    if (!answer) return std::unexpected(answer.error());
    return {};
}

std::expected<nlohmann::json, AwsError> DynamoDbClient::create_table(const nlohmann::json& request) const {
    auto answer = call("CreateTable", request);
    if (!answer) return std::unexpected(answer.error());
    return answer->value("TableDescription", nlohmann::json::object());
}

std::expected<nlohmann::json, AwsError> DynamoDbClient::update_table(const nlohmann::json& request) const {
    auto answer = call("UpdateTable", request);
    if (!answer) return std::unexpected(answer.error());
    return answer->value("TableDescription", nlohmann::json::object());
}

std::expected<std::optional<nlohmann::json>, AwsError> DynamoDbClient::describe_table(const std::string& table) const {
    auto answer = call("DescribeTable", {{"TableName", table}});
    if (!answer && answer.error().code == k_table_not_found) return std::nullopt;
    if (!answer) return std::unexpected(answer.error());
    return answer->value("Table", nlohmann::json::object());
}

std::expected<void, AwsError> DynamoDbClient::delete_table(const std::string& table) const {
    auto answer = call("DeleteTable", {{"TableName", table}});
    if (!answer && answer.error().code != k_table_not_found) return std::unexpected(answer.error());
    return {};
}

}  // namespace plinth::aws
