#include "core/aws/sts_client.h"

#include <fmt/format.h>

#include "core/aws/xml_text.h"

namespace plinth::aws {

std::optional<CallerIdentity> caller_identity_of(const std::string& xml) {
    auto account = xml_element(xml, "Account");
    auto arn = xml_element(xml, "Arn");
    if (!account || !arn) return std::nullopt;
    return CallerIdentity{*account, *arn, xml_element(xml, "UserId").value_or("")};
}

StsClient::StsClient(std::shared_ptr<const AwsClient> client, std::string endpoint)
    : m_client(std::move(client)), m_endpoint(std::move(endpoint)) {
    if (m_endpoint.empty()) m_endpoint = fmt::format("https://sts.{}.amazonaws.com", m_client->region());
    while (m_endpoint.ends_with('/')) m_endpoint.pop_back();
}

std::expected<std::optional<CallerIdentity>, AwsError> StsClient::caller_identity() const {
    AwsRequest request;
    request.service = "sts";
    request.method = "POST";
    request.url = m_endpoint + "/";
    request.headers = {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}};
    request.body = "Action=GetCallerIdentity&Version=2011-06-15";
    request.summary = fmt::format("STS GetCallerIdentity at {}", m_endpoint);
    auto response = m_client->send(request, ErrorFormat::Xml);
    if (!response) return std::unexpected(response.error());
    return caller_identity_of(response->body);
}

}  // namespace plinth::aws
