// The aws_s3_object data source: reads an object's bytes and what S3 says about it.
#include <fmt/format.h>

#include "core/digest.h"
#include "providers/attributes.h"
#include "providers/aws/aws_types.h"
#include "providers/aws/aws_values.h"
#include "providers/text.h"

namespace plinth::providers::aws {

namespace {

ResourceSchema object_data_schema() {
    using T = AttributeType;
    return ResourceSchema{
        "aws_s3_object",
        "Reads an object of an S3 bucket.",
        {
            required_attribute("bucket", T::String, "The bucket's name."),
            required_attribute("key", T::String, "The object's key."),
            computed_attribute("body", T::String, "The object's bytes as UTF-8 text (invalid bytes become U+FFFD)."),
            computed_attribute("body_base64", T::String, "The object's bytes, base64-encoded."),
            computed_attribute("content_length", T::Number, "The object's size in bytes."),
            computed_attribute("content_type", T::String, "The object's MIME type."),
            computed_attribute("etag", T::String, "The object's ETag."),
            computed_attribute("metadata", T::Map, "x-amz-meta-* metadata."),
            computed_attribute("version_id", T::String, "The object's version; else empty."),
            computed_attribute("id", T::String, "BUCKET/KEY."),
        },
    };
}

class S3ObjectData final : public DataSourceType {
public:
    explicit S3ObjectData(std::shared_ptr<const AwsApi> api) : m_api(std::move(api)) {}

    const ResourceSchema& schema() const override { return m_schema; }

    Result<Value> read(const Value& config) const override {
        auto clients = m_api->clients();
        if (!clients) return std::unexpected(clients.error());
        const std::string bucket = *string_attribute(config, "bucket");
        const std::string key = *string_attribute(config, "key");
        auto stored = (*clients)->s3.fetch_object(bucket, key);
        if (!stored) return std::unexpected(aws_failure(stored.error()));
        if (!*stored)
            return std::unexpected(provider_error(fmt::format("No object s3://{}/{}", bucket, key),
                                                  "The bucket has no object with that key.", "key"));
        const auto& [info, body] = **stored;
        Value result = config;
        set_attribute(result, "body", to_valid_utf8(body));
        set_attribute(result, "body_base64", base64_encode(body));
        set_attribute(result, "content_length", static_cast<std::int64_t>(body.size()));
        set_attribute(result, "content_type", info.content_type);
        set_attribute(result, "etag", info.etag);
        set_attribute(result, "metadata", Value(ValueMap{}));
        set_string_map(result, "metadata", info.metadata);
        set_attribute(result, "version_id", info.version_id);
        set_attribute(result, "id", bucket + "/" + key);
        return result;
    }

private:
    ResourceSchema m_schema = object_data_schema();
    std::shared_ptr<const AwsApi> m_api;
};

}  // namespace

std::unique_ptr<DataSourceType> make_s3_object_data(std::shared_ptr<const AwsApi> api) {
    return std::make_unique<S3ObjectData>(std::move(api));
}

}  // namespace plinth::providers::aws
