// core/aws/json_protocol.h: one call of an AWS JSON-protocol service (DynamoDB, SQS): a POST to the
// endpoint's root with X-Amz-Target naming the operation and an application/x-amz-json-1.0 body,
// answered with JSON (errors as {"__type": "...#Code", "message": "..."}).
#pragma once

#include <expected>
#include <nlohmann/json.hpp>
#include <string>

#include "core/aws/aws_client.h"

namespace plinth::aws {

struct JsonCall {
    std::string service;   // the signing name: "dynamodb", "sqs"
    std::string endpoint;  // scheme://host[:port], no trailing '/'
    std::string target;    // "DynamoDB_20120810.PutItem", "AmazonSQS.CreateQueue"
    nlohmann::json body;
    std::string summary;  // names the call in errors
};

// The answer's JSON (an empty answer: an empty object).
std::expected<nlohmann::json, AwsError> send_json_call(const AwsClient& client, const JsonCall& call);

}  // namespace plinth::aws
