// core/aws/aws_error.h: why an AWS call failed, as a value: no answer at all (a network failure),
// or an error answer with AWS's own code and message, kept verbatim for diagnostics.
#pragma once

#include <string>

#include "core/net/http_message.h"

namespace plinth::aws {

struct AwsError {
    std::string summary;  // names the call: "S3 GetObject s3://bucket/key failed"
    std::string code;     // AWS's error code ("NoSuchKey", "ConditionalCheckFailedException"); empty without an answer
    std::string message;  // AWS's message, or the network failure's explanation
    long status = 0;      // the HTTP status; 0 when no answer came

    // "CODE: MESSAGE (HTTP STATUS)", or the message alone when there was no answer.
    std::string detail() const;
};

// The protocol an answer's error body is in.
enum class ErrorFormat {
    Xml,   // S3: <Error><Code>..</Code><Message>..</Message></Error>
    Json,  // DynamoDB: {"__type": "...#Code", "message": "..."}
};

// The error an unsuccessful `response` carries; when its body names no code, the code is the HTTP
// status ("404") and the message the body's text, if any.
AwsError parse_error(const net::HttpResponse& response, ErrorFormat format, std::string summary);

// Whether `error` is AWS asking the caller to slow down (ThrottlingException, SlowDown,
// ProvisionedThroughputExceededException, RequestLimitExceeded, ...): worth trying again later.
bool is_throttling(const AwsError& error);

}  // namespace plinth::aws
