// S3Client's bucket calls (s3_client.h): CreateBucket, HeadBucket, DeleteBucket and the bucket's tag set.
#include <fmt/format.h>

#include "core/aws/s3_client.h"
#include "core/aws/xml_text.h"
#include "core/digest.h"

namespace plinth::aws {

namespace {

// us-east-1 is S3's default location: AWS refuses a LocationConstraint naming it.
constexpr std::string_view k_default_location = "us-east-1";

// Content-MD5 (which PutBucketTagging requires): the base64 of the body's MD5 digest.
std::string content_md5(const std::string& body) {
    std::string hex = md5_hex(body);
    std::string digest;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        digest += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    return base64_encode(digest);
}

}  // namespace

std::string tagging_document(const std::map<std::string, std::string>& tags) {
    std::string xml = "<Tagging xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><TagSet>";
    for (const auto& [key, value] : tags)
        xml += fmt::format("<Tag><Key>{}</Key><Value>{}</Value></Tag>", xml_escape(key), xml_escape(value));
    return xml + "</TagSet></Tagging>";
}

std::map<std::string, std::string> tags_of_document(const std::string& xml) {
    auto keys = xml_elements(xml, "Key");
    auto values = xml_elements(xml, "Value");
    std::map<std::string, std::string> tags;
    for (std::size_t i = 0; i < keys.size() && i < values.size(); ++i) tags.emplace(keys[i], values[i]);
    return tags;
}

std::expected<void, AwsError> S3Client::create_bucket(const std::string& bucket) const {
    AwsRequest create = request("PUT", bucket, "", "CreateBucket");
    if (m_client->region() != k_default_location)
        create.body = fmt::format(
            "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            "<LocationConstraint>{}</LocationConstraint></CreateBucketConfiguration>",
            xml_escape(m_client->region()));
    auto response = m_client->send(create, ErrorFormat::Xml);
    if (!response) return std::unexpected(response.error());
    return {};
}

std::expected<bool, AwsError> S3Client::bucket_exists(const std::string& bucket) const {
    auto response = m_client->send(request("HEAD", bucket, "", "HeadBucket"), ErrorFormat::Xml);
    if (response) return true;
    if (response.error().status == 404) return false;
    return std::unexpected(response.error());
}

std::expected<void, AwsError> S3Client::delete_bucket(const std::string& bucket) const {
    auto response = m_client->send(request("DELETE", bucket, "", "DeleteBucket"), ErrorFormat::Xml);
    if (!response) return std::unexpected(response.error());
    return {};
}

std::expected<std::map<std::string, std::string>, AwsError> S3Client::bucket_tags(const std::string& bucket) const {
    AwsRequest get = request("GET", bucket, "", "GetBucketTagging");
    get.query = {{"tagging", ""}};
    auto response = m_client->send(get, ErrorFormat::Xml);
    if (response) return tags_of_document(response->body);
    if (response.error().code == "NoSuchTagSet") return std::map<std::string, std::string>{};
    return std::unexpected(response.error());
}

std::expected<void, AwsError> S3Client::set_bucket_tags(const std::string& bucket,
                                                        const std::map<std::string, std::string>& tags) const {
    AwsRequest call =
        request(tags.empty() ? "DELETE" : "PUT", bucket, "", tags.empty() ? "DeleteBucketTagging" : "PutBucketTagging");
    call.query = {{"tagging", ""}};
    if (!tags.empty()) {
        call.body = tagging_document(tags);
        call.headers = {{"Content-Type", "application/xml"}, {"Content-MD5", content_md5(call.body)}};
    }
    auto response = m_client->send(call, ErrorFormat::Xml);
    if (!response) return std::unexpected(response.error());
    return {};
}

}  // namespace plinth::aws
