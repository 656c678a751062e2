#include "core/aws/dynamodb_client.h"

#include <fmt/format.h>

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
    AwsRequest request;
    request.service = "dynamodb";
    request.method = "POST";
    request.url = m_endpoint + "/";
    request.headers = {{"Content-Type", "application/x-amz-json-1.0"},
                       {"X-Amz-Target", "DynamoDB_20120810." + operation}};
    request.body = body.dump();
    request.summary = fmt::format("DynamoDB {} on table {}", operation, body.value("TableName", std::string("?")));
    auto response = m_client->send(request, ErrorFormat::Json);
    if (!response) return std::unexpected(response.error());
    if (response->body.empty()) return nlohmann::json::object();
    auto json = nlohmann::json::parse(response->body, nullptr, false);
    if (json.is_discarded())
        return std::unexpected(AwsError{fmt::format("{} failed", request.summary), "",
                                        "the answer is not JSON: " + response->body.substr(0, 200), response->status});
    return json;
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

}  // namespace plinth::aws
