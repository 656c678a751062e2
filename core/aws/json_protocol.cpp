#include "core/aws/json_protocol.h"

#include <fmt/format.h>

namespace plinth::aws {

std::expected<nlohmann::json, AwsError> send_json_call(const AwsClient& client, const JsonCall& call) {
    AwsRequest request;
    request.service = call.service;
    request.method = "POST";
    request.url = call.endpoint + "/";
    request.headers = {{"Content-Type", "application/x-amz-json-1.0"}, {"X-Amz-Target", call.target}};
    request.body = call.body.dump();
    request.summary = call.summary;
    auto response = client.send(request, ErrorFormat::Json);
    if (!response) return std::unexpected(response.error());
    if (response->body.empty()) return nlohmann::json::object();
    auto json = nlohmann::json::parse(response->body, nullptr, false);
    if (json.is_discarded())
        return std::unexpected(AwsError{fmt::format("{} failed", call.summary), "",
                                        "the answer is not JSON: " + response->body.substr(0, 200), response->status});
    return json;
}

}  // namespace plinth::aws
