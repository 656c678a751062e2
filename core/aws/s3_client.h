// core/aws/s3_client.h: the S3 calls plinth makes, on AWS or any endpoint that speaks S3, with
// path-style (ENDPOINT/BUCKET/KEY) or virtual-hosted (BUCKET.HOST/KEY) addressing: objects
// (GetObject, HeadObject, PutObject, optionally conditional with If-None-Match: *, DeleteObject,
// ListObjectsV2; s3_client.cpp) and buckets (CreateBucket, HeadBucket, DeleteBucket and the
// bucket's tags; s3_buckets.cpp).
#pragma once

#include <expected>
#include <map>
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

// What PutObject stores beside the bytes.
struct ObjectWrite {
    std::string content_type;                     // empty: binary/octet-stream, S3's default
    std::map<std::string, std::string> metadata;  // sent as x-amz-meta-NAME headers
};

// What S3 says about a stored object (HeadObject, GetObject, PutObject's answer).
struct ObjectInfo {
    std::string etag;          // without the quotes S3 puts around it
    std::string version_id;    // empty when the bucket does not keep versions
    std::string content_type;  // empty in PutObject's answer
    std::map<std::string, std::string> metadata;  // x-amz-meta-* without the prefix, names lower case
};

struct StoredObject {
    ObjectInfo info;
    std::string body;
};

// Bucket tags as the Tagging document PutBucketTagging takes, and back.
std::string tagging_document(const std::map<std::string, std::string>& tags);
std::map<std::string, std::string> tags_of_document(const std::string& xml);

class S3Client {
public:
    S3Client(std::shared_ptr<const AwsClient> client, S3Location location);

    // The object's bytes; nullopt when there is no such key.
    std::expected<std::optional<std::string>, AwsError> get_object(const std::string& bucket,
                                                                   const std::string& key) const;
    // The object's bytes and what S3 says about it; nullopt when there is no such key.
    std::expected<std::optional<StoredObject>, AwsError> fetch_object(const std::string& bucket,
                                                                      const std::string& key) const;
    // What S3 says about the object, without its bytes; nullopt when there is no such key.
    std::expected<std::optional<ObjectInfo>, AwsError> head_object(const std::string& bucket,
                                                                   const std::string& key) const;
    // Stores the object with a content type and metadata; the answer's ETag and version id.
    std::expected<ObjectInfo, AwsError> write_object(const std::string& bucket, const std::string& key,
                                                     const std::string& body, const ObjectWrite& write) const;
    // Stores the object. With `only_if_absent`, asks for If-None-Match: * and answers false when the
    // key exists already (412 or 409 from the server).
    std::expected<bool, AwsError> put_object(const std::string& bucket, const std::string& key, const std::string& body,
                                             bool only_if_absent = false) const;
    // Deleting a missing key is not an error (S3 answers 204 either way).
    std::expected<void, AwsError> delete_object(const std::string& bucket, const std::string& key) const;
    // Every key that starts with `prefix`, following continuation tokens.
    std::expected<std::vector<std::string>, AwsError> list_objects(const std::string& bucket,
                                                                   const std::string& prefix) const;

    // Creates the bucket in the client's region (a LocationConstraint outside us-east-1).
    std::expected<void, AwsError> create_bucket(const std::string& bucket) const;
    // HeadBucket: false when there is no such bucket.
    std::expected<bool, AwsError> bucket_exists(const std::string& bucket) const;
    // Fails with code "BucketNotEmpty" while the bucket holds objects.
    std::expected<void, AwsError> delete_bucket(const std::string& bucket) const;
    // The bucket's tags; none when it has no tag set (NoSuchTagSet).
    std::expected<std::map<std::string, std::string>, AwsError> bucket_tags(const std::string& bucket) const;
    // Replaces the bucket's tags (PutBucketTagging); no tags deletes the tag set.
    std::expected<void, AwsError> set_bucket_tags(const std::string& bucket,
                                                  const std::map<std::string, std::string>& tags) const;

private:
    AwsRequest request(std::string method, const std::string& bucket, const std::string& key,
                       std::string operation) const;

    std::shared_ptr<const AwsClient> m_client;
    S3Location m_location;
};

}  // namespace plinth::aws
