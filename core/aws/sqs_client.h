// core/aws/sqs_client.h: SQS through its JSON protocol (POST with X-Amz-Target: AmazonSQS.OPERATION
// and an application/x-amz-json-1.0 body), and the queue calls plinth makes: CreateQueue,
// GetQueueUrl, GetQueueAttributes, SetQueueAttributes, DeleteQueue. Queue attributes are SQS's own
// names and text values ("VisibilityTimeout" -> "30").
#pragma once

#include <expected>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/aws/aws_client.h"

namespace plinth::aws {

// The error code SQS answers for a queue that does not exist.
inline constexpr std::string_view k_queue_not_found = "QueueDoesNotExist";

using QueueAttributes = std::map<std::string, std::string>;

class SqsClient {
public:
    // `endpoint` is scheme://host[:port]; empty: https://sqs.REGION.amazonaws.com.
    SqsClient(std::shared_ptr<const AwsClient> client, std::string endpoint);

    // Calls `operation` ("CreateQueue") with `body`; the answer's JSON. `subject` names the queue in errors.
    std::expected<nlohmann::json, AwsError> call(const std::string& operation, const nlohmann::json& body,
                                                 const std::string& subject) const;

    // The new queue's URL. SQS answers with the existing queue's URL when one of that name has the
    // same attributes.
    std::expected<std::string, AwsError> create_queue(const std::string& name, const QueueAttributes& attributes) const;
    // The queue's URL; nullopt when there is no such queue.
    std::expected<std::optional<std::string>, AwsError> queue_url(const std::string& name) const;
    // Every attribute of the queue; nullopt when it does not exist.
    std::expected<std::optional<QueueAttributes>, AwsError> queue_attributes(const std::string& url) const;
    std::expected<void, AwsError> set_queue_attributes(const std::string& url, const QueueAttributes& attributes) const;
    // Deleting a queue that does not exist is not an error.
    std::expected<void, AwsError> delete_queue(const std::string& url) const;

private:
    std::shared_ptr<const AwsClient> m_client;
    std::string m_endpoint;
};

}  // namespace plinth::aws
