// tests/unit/core/aws/scripted_aws.h: an AwsClient for unit tests whose requests go to a scripted
// transport (tests/unit/core/net/fake_transport.h) and whose backoff waits are recorded, not slept.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/aws/aws_client.h"
#include "tests/unit/core/net/fake_transport.h"

namespace plinth::testing {

struct ScriptedAws {
    explicit ScriptedAws(std::deque<HttpOutcome> script, aws::Credentials credentials = {"AK", "SK", "TOKEN"},
                         std::string region = "eu-west-1")
        : transport(std::make_shared<ScriptedTransport>(std::move(script))),
          client(std::make_shared<aws::AwsClient>(std::move(credentials), std::move(region), aws::AwsClientOptions{},
                                                  scripted_client(transport),
                                                  [this](std::chrono::milliseconds wait) { waits.push_back(wait); })) {}
    ScriptedAws(const ScriptedAws&) = delete;
    ScriptedAws& operator=(const ScriptedAws&) = delete;

    std::shared_ptr<ScriptedTransport> transport;
    std::vector<std::chrono::milliseconds> waits;
    std::shared_ptr<aws::AwsClient> client;
};

// The value of the request's header `name`, if it has one.
inline std::optional<std::string> header_of(const net::HttpRequest& request, const std::string& name) {
    for (const auto& [key, value] : request.headers)
        if (key == name) return value;
    return std::nullopt;
}

}  // namespace plinth::testing
