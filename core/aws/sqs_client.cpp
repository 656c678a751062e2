#include "core/aws/sqs_client.h"

#include <fmt/format.h>

#include "core/aws/json_protocol.h"

namespace plinth::aws {

SqsClient::SqsClient(std::shared_ptr<const AwsClient> client, std::string endpoint)
    : m_client(std::move(client)), m_endpoint(std::move(endpoint)) {
    if (m_endpoint.empty()) m_endpoint = fmt::format("https://sqs.{}.amazonaws.com", m_client->region());
    while (m_endpoint.ends_with('/')) m_endpoint.pop_back();
}

std::expected<nlohmann::json, AwsError> SqsClient::call(const std::string& operation, const nlohmann::json& body,
                                                        const std::string& subject) const {
    return send_json_call(
        *m_client, {"sqs", m_endpoint, "AmazonSQS." + operation, body, fmt::format("SQS {} {}", operation, subject)});
}

std::expected<std::string, AwsError> SqsClient::create_queue(const std::string& name,
                                                             const QueueAttributes& attributes) const {
    nlohmann::json body{{"QueueName", name}};
    if (!attributes.empty()) body["Attributes"] = attributes;
    auto answer = call("CreateQueue", body, name);
    if (!answer) return std::unexpected(answer.error());
    return answer->value("QueueUrl", std::string());
}

std::expected<std::optional<std::string>, AwsError> SqsClient::queue_url(const std::string& name) const {
    auto answer = call("GetQueueUrl", {{"QueueName", name}}, name);
    if (!answer && answer.error().code == k_queue_not_found) return std::nullopt;
    if (!answer) return std::unexpected(answer.error());
    return answer->value("QueueUrl", std::string());
}

std::expected<std::optional<QueueAttributes>, AwsError> SqsClient::queue_attributes(const std::string& url) const {
    auto answer = call("GetQueueAttributes", {{"QueueUrl", url}, {"AttributeNames", {"All"}}}, url);
    if (!answer && answer.error().code == k_queue_not_found) return std::nullopt;
    if (!answer) return std::unexpected(answer.error());
    QueueAttributes attributes;
    auto found = answer->find("Attributes");
    if (found != answer->end() && found->is_object())
        for (const auto& [name, value] : found->items())
            if (value.is_string()) attributes.emplace(name, value.get<std::string>());
    return attributes;
}

std::expected<void, AwsError> SqsClient::set_queue_attributes(const std::string& url,
                                                              const QueueAttributes& attributes) const {
    auto answer = call("SetQueueAttributes", {{"QueueUrl", url}, {"Attributes", attributes}}, url);
    if (!answer) return std::unexpected(answer.error());
    return {};
}

std::expected<void, AwsError> SqsClient::delete_queue(const std::string& url) const {
    auto answer = call("DeleteQueue", {{"QueueUrl", url}}, url);
    if (!answer && answer.error().code != k_queue_not_found) return std::unexpected(answer.error());
    return {};
}

}  // namespace plinth::aws
