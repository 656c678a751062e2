#include "core/aws/s3_client.h"

#include <fmt/format.h>

#include "core/aws/xml_text.h"

namespace plinth::aws {

namespace {

// "https://host:port" -> ("https://", "host:port").
std::pair<std::string, std::string> split_endpoint(const std::string& endpoint) {
    auto scheme_end = endpoint.find("://");
    if (scheme_end == std::string::npos) return {"https://", endpoint};
    return {endpoint.substr(0, scheme_end + 3), endpoint.substr(scheme_end + 3)};
}

constexpr std::string_view k_metadata_prefix = "x-amz-meta-";

std::string unquoted(std::string text) {
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"') return text.substr(1, text.size() - 2);
    return text;
}

// Response header names are lower case (core/net).
ObjectInfo object_info_of(const net::HttpResponse& response) {
    ObjectInfo info;
    info.etag = unquoted(response.header("etag").value_or(""));
    info.version_id = response.header("x-amz-version-id").value_or("");
    info.content_type = response.header("content-type").value_or("");
    for (const auto& [name, value] : response.headers)
        if (name.starts_with(k_metadata_prefix)) info.metadata.emplace(name.substr(k_metadata_prefix.size()), value);
    return info;
}

bool is_missing_key(const AwsError& error) { return error.code == "NoSuchKey" || error.status == 404; }

}  // namespace

std::string s3_object_url(const S3Location& location, const std::string& region, const std::string& bucket,
                          const std::string& key) {
    std::string endpoint = location.endpoint.empty() ? fmt::format("https://s3.{}.amazonaws.com", region)
                                                     : location.endpoint;
    while (endpoint.ends_with('/')) endpoint.pop_back();
    std::string path = key.empty() ? "" : "/" + uri_encode(key, true);
    if (location.path_style) return fmt::format("{}/{}{}", endpoint, uri_encode(bucket, false), path);
    auto [scheme, host] = split_endpoint(endpoint);
    return fmt::format("{}{}.{}{}", scheme, bucket, host, path.empty() ? "/" : path);
}

S3Client::S3Client(std::shared_ptr<const AwsClient> client, S3Location location)
    : m_client(std::move(client)), m_location(std::move(location)) {}

AwsRequest S3Client::request(std::string method, const std::string& bucket, const std::string& key,
                             std::string operation) const {
    AwsRequest request;
    request.service = "s3";
    request.method = std::move(method);
    request.url = s3_object_url(m_location, m_client->region(), bucket, key);
    request.summary = fmt::format("S3 {} s3://{}/{}", operation, bucket, key);
    return request;
}

std::expected<std::optional<std::string>, AwsError> S3Client::get_object(const std::string& bucket,
                                                                         const std::string& key) const {
    auto stored = fetch_object(bucket, key);
    if (!stored) return std::unexpected(stored.error());
    if (!*stored) return std::nullopt;
    return std::optional<std::string>(std::move((*stored)->body));
}

std::expected<std::optional<StoredObject>, AwsError> S3Client::fetch_object(const std::string& bucket,
                                                                            const std::string& key) const {
    auto response = m_client->send(request("GET", bucket, key, "GetObject"), ErrorFormat::Xml);
    if (response) return std::optional<StoredObject>(StoredObject{object_info_of(*response), std::move(response->body)});
    if (is_missing_key(response.error())) return std::nullopt;
    return std::unexpected(response.error());
}

std::expected<std::optional<ObjectInfo>, AwsError> S3Client::head_object(const std::string& bucket,
                                                                         const std::string& key) const {
    auto response = m_client->send(request("HEAD", bucket, key, "HeadObject"), ErrorFormat::Xml);
    if (response) return std::optional<ObjectInfo>(object_info_of(*response));
    if (is_missing_key(response.error())) return std::nullopt;
    return std::unexpected(response.error());
}

std::expected<ObjectInfo, AwsError> S3Client::write_object(const std::string& bucket, const std::string& key,
                                                           const std::string& body, const ObjectWrite& write) const {
    AwsRequest put = request("PUT", bucket, key, "PutObject");
    put.body = body;
    // S3's own default; without it libcurl would send its form type for the body.
    put.headers.emplace_back("Content-Type", write.content_type.empty() ? "binary/octet-stream" : write.content_type);
    for (const auto& [name, value] : write.metadata) put.headers.emplace_back(std::string(k_metadata_prefix) + name, value);
    auto response = m_client->send(put, ErrorFormat::Xml);
    if (!response) return std::unexpected(response.error());
    return object_info_of(*response);
}

std::expected<bool, AwsError> S3Client::put_object(const std::string& bucket, const std::string& key,
                                                   const std::string& body, bool only_if_absent) const {
    AwsRequest put = request("PUT", bucket, key, "PutObject");
    put.body = body;
    put.headers.emplace_back("Content-Type", "application/json");
    if (only_if_absent) put.headers.emplace_back("If-None-Match", "*");
    auto response = m_client->send(put, ErrorFormat::Xml);
    if (response) return true;
    if (only_if_absent && (response.error().status == 412 || response.error().status == 409)) return false;
    return std::unexpected(response.error());
}

std::expected<void, AwsError> S3Client::delete_object(const std::string& bucket, const std::string& key) const {
    auto response = m_client->send(request("DELETE", bucket, key, "DeleteObject"), ErrorFormat::Xml);
    if (!response && response.error().code != "NoSuchKey") return std::unexpected(response.error());
    return {};
}

std::expected<std::vector<std::string>, AwsError> S3Client::list_objects(const std::string& bucket,
                                                                         const std::string& prefix) const {
    std::vector<std::string> keys;
    std::optional<std::string> token;
    do {
        AwsRequest list = request("GET", bucket, "", "ListObjectsV2");
        list.summary = fmt::format("S3 ListObjectsV2 s3://{}/{}", bucket, prefix);
        list.query = {{"list-type", "2"}, {"prefix", prefix}};
        if (token) list.query.emplace_back("continuation-token", *token);
        auto response = m_client->send(list, ErrorFormat::Xml);
        if (!response) return std::unexpected(response.error());
        for (auto& key : xml_elements(response->body, "Key")) keys.push_back(std::move(key));
        token = xml_element(response->body, "IsTruncated") == "true"
                    ? xml_element(response->body, "NextContinuationToken")
                    : std::nullopt;
    } while (token);
    return keys;
}

}  // namespace plinth::aws
