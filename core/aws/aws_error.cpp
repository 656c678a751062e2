#include "core/aws/aws_error.h"

#include <array>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/aws/xml_text.h"

namespace plinth::aws {

namespace {

// DynamoDB's __type is "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException": the code is
// after the '#'.
std::string code_of_type(const std::string& type) {
    auto hash = type.rfind('#');
    return hash == std::string::npos ? type : type.substr(hash + 1);
}

void read_json_error(const std::string& body, AwsError& error) {
    auto json = nlohmann::json::parse(body, nullptr, false);
    if (!json.is_object()) return;
    if (auto type = json.find("__type"); type != json.end() && type->is_string())
        error.code = code_of_type(type->get<std::string>());
    for (const char* key : {"message", "Message"})
        if (auto message = json.find(key); message != json.end() && message->is_string())
            error.message = message->get<std::string>();
}

void read_xml_error(const std::string& body, AwsError& error) {
    if (auto code = xml_element(body, "Code")) error.code = *code;
    if (auto message = xml_element(body, "Message")) error.message = *message;
}

}  // namespace

std::string AwsError::detail() const {
    if (status == 0) return message;
    std::string text = code.empty() ? message : (message.empty() ? code : fmt::format("{}: {}", code, message));
    return fmt::format("{} (HTTP {})", text, status);
}

AwsError parse_error(const net::HttpResponse& response, ErrorFormat format, std::string summary) {
    AwsError error{std::move(summary), {}, {}, response.status};
    if (format == ErrorFormat::Json) read_json_error(response.body, error);
    else read_xml_error(response.body, error);
    if (error.code.empty()) {
        error.code = std::to_string(response.status);
        if (error.message.empty()) error.message = response.body;
    }
    return error;
}

bool is_throttling(const AwsError& error) {
    static constexpr std::array<std::string_view, 8> k_codes = {
        "Throttling",          "ThrottlingException",   "ThrottledException",  "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "RequestLimitExceeded", "SlowDown"};
    return std::find(k_codes.begin(), k_codes.end(), error.code) != k_codes.end();
}

}  // namespace plinth::aws
