// core/aws/s3_client.h: the S3 calls plinth makes: GetObject, PutObject (optionally conditional,
// If-None-Match: *), DeleteObject and ListObjectsV2, on AWS or any endpoint that speaks S3, with
// path-style (ENDPOINT/BUCKET/KEY) or virtual-hosted (BUCKET.HOST/KEY) addressing.
#pragma once

#include <expected>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/aws/aws_client.h"

namespace plinth::aws {

struct S3Location {
    std::string endpoint;  // scheme://host[:port]; empty: https://s3.REGION.amazonaws.com
    bool path_style = false;
};

// The URL of `key` in `bucket` (an empty key: the bucket itself), the key percent-encoded.
std::string s3_object_url(const S3Location& location, const std::string& region, const std::string& bucket,
                          const std::string& key);

class S3Client {
public:
    S3Client(std::shared_ptr<const AwsClient> client, S3Location location);

    // The object's bytes; nullopt when there is no such key.
    std::expected<std::optional<std::string>, AwsError> get_object(const std::string& bucket,
                                                                   const std::string& key) const;
    // Stores the object. With `only_if_absent`, asks for If-None-Match: * and answers false when the
    // key exists already (412 or 409 from the server).
    std::expected<bool, AwsError> put_object(const std::string& bucket, const std::string& key, const std::string& body,
                                             bool only_if_absent = false) const;
    // Deleting a missing key is not an error (S3 answers 204 either way).
    std::expected<void, AwsError> delete_object(const std::string& bucket, const std::string& key) const;
    // Every key that starts with `prefix`, following continuation tokens.
    std::expected<std::vector<std::string>, AwsError> list_objects(const std::string& bucket,
                                                                   const std::string& prefix) const;

private:
    AwsRequest request(std::string method, const std::string& bucket, const std::string& key,
                       std::string operation) const;

    std::shared_ptr<const AwsClient> m_client;
    S3Location m_location;
};

}  // namespace plinth::aws
