// aws_s3_object: one object in a bucket, its bytes from `content`, `content_base64` or a `source`
// file. The planned `etag` is the MD5 of those bytes (what S3 answers for a single-part upload), so
// a changed source file, and an object changed behind plinth's back, show as an update.
#include <array>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

#include "core/digest.h"
#include "providers/attributes.h"
#include "providers/aws/aws_types.h"
#include "providers/aws/aws_values.h"

namespace plinth::providers::aws {

namespace {

constexpr std::array<std::string_view, 3> k_body_attributes = {"content", "content_base64", "source"};

ResourceSchema object_schema() {
    using T = AttributeType;
    AttributeSchema content_type = optional_attribute("content_type", T::String, "The object's MIME type.");
    content_type.computed = true;
    return ResourceSchema{
        "aws_s3_object",
        "An object in an S3 bucket.",
        {
            replacing(required_attribute("bucket", T::String, "The bucket's name.")),
            replacing(required_attribute("key", T::String, "The object's key.")),
            optional_attribute("content", T::String, "The object's bytes, as text."),
            optional_attribute("content_base64", T::String, "The object's bytes, base64-encoded."),
            optional_attribute("source", T::String, "A file whose bytes the object holds."),
            content_type,
            optional_attribute("metadata", T::Map, "x-amz-meta-* metadata; names in lower case."),
            computed_attribute("etag", T::String, "The object's ETag: the MD5 of its bytes."),
            computed_attribute("version_id", T::String, "The object's version, in a versioned bucket; else empty."),
            computed_attribute("id", T::String, "BUCKET/KEY."),
        },
    };
}

// Which of content, content_base64 and source is set; an error when more than one is.
Result<std::optional<std::string_view>> body_attribute(const Value& attributes) {
    std::optional<std::string_view> chosen;
    for (std::string_view name : k_body_attributes) {
        const Value* value = attributes.find(name);
        if (value == nullptr || value->is_null()) continue;
        if (chosen)
            return std::unexpected(
                attribute_error(std::string(name), fmt::format("cannot be set with {}", *chosen),
                                "Give the object's bytes one way: content, content_base64 or source."));
        chosen = name;
    }
    return chosen;
}

// The object's bytes; nullopt while the attribute giving them is unknown.
Result<std::optional<std::string>> object_body(const Value& attributes) {
    auto chosen = body_attribute(attributes);
    if (!chosen) return std::unexpected(chosen.error());
    if (!*chosen) return std::optional<std::string>(std::string());
    const Value& value = *attributes.find(**chosen);
    if (!value.is_string()) return std::optional<std::string>{};
    if (**chosen == "content") return std::optional<std::string>(value.as_string());
    if (**chosen == "content_base64") {
        auto decoded = base64_decode(value.as_string());
        if (!decoded) return std::unexpected(attribute_error("content_base64", "is not valid base64"));
        return std::optional<std::string>(std::move(*decoded));
    }
    std::ifstream file(value.as_string(), std::ios::binary);
    if (!file)
        return std::unexpected(
            attribute_error("source", "cannot be read", fmt::format("No readable file \"{}\".", value.as_string())));
    std::ostringstream bytes;
    bytes << file.rdbuf();
    return std::optional<std::string>(bytes.str());
}

// `attributes` with what S3 says about the object.
void set_object_info(Value& attributes, const plinth::aws::ObjectInfo& info) {
    set_attribute(attributes, "etag", info.etag);
    set_attribute(attributes, "version_id", info.version_id);
    set_attribute(attributes, "content_type", info.content_type);
    set_string_map(attributes, "metadata", info.metadata);
}

// "BUCKET/KEY" split at the first '/'.
std::optional<std::pair<std::string, std::string>> split_object_id(const std::string& id) {
    auto slash = id.find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 == id.size()) return std::nullopt;
    return std::pair{id.substr(0, slash), id.substr(slash + 1)};
}

class S3Object final : public ResourceType {
public:
    explicit S3Object(std::shared_ptr<const AwsApi> api) : m_api(std::move(api)) {}

    const ResourceSchema& schema() const override { return m_schema; }

    Result<void> refine_plan(const Value&, GenericPlan& plan) const override {
        if (auto metadata = string_map_attribute(plan.planned, "metadata"); !metadata)
            return std::unexpected(metadata.error());
        auto body = object_body(plan.planned);
        if (!body) return std::unexpected(body.error());
        Value etag = *body ? Value(md5_hex(**body)) : Value::unknown();
        const Value* recorded = plan.planned.find("etag");
        if (recorded == nullptr || !(*recorded == etag)) set_attribute(plan.planned, "version_id", Value::unknown());
        set_attribute(plan.planned, "etag", std::move(etag));
        const std::string* bucket = string_attribute(plan.planned, "bucket");
        const std::string* key = string_attribute(plan.planned, "key");
        if (bucket != nullptr && key != nullptr) set_attribute(plan.planned, "id", *bucket + "/" + *key);
        return {};
    }

    Result<Value> create(const Value& planned) const override { return write(planned); }

    Result<std::optional<Value>> read(const Value& current) const override {
        const std::string* bucket = string_attribute(current, "bucket");
        const std::string* key = string_attribute(current, "key");
        if (bucket == nullptr || key == nullptr) return std::optional<Value>{};
        auto clients = m_api->clients();
        if (!clients) return std::unexpected(clients.error());
        auto info = (*clients)->s3.head_object(*bucket, *key);
        if (!info) return std::unexpected(aws_failure(info.error()));
        if (!*info) return std::optional<Value>{};
        Value refreshed = current;
        set_object_info(refreshed, **info);
        return std::optional<Value>(std::move(refreshed));
    }

    Result<Value> update(const Value&, const Value& planned) const override { return write(planned); }

    Result<void> remove(const Value& current) const override {
        const std::string* bucket = string_attribute(current, "bucket");
        const std::string* key = string_attribute(current, "key");
        if (bucket == nullptr || key == nullptr) return {};
        auto clients = m_api->clients();
        if (!clients) return std::unexpected(clients.error());
        auto deleted = (*clients)->s3.delete_object(*bucket, *key);
        if (!deleted && deleted.error().code != "NoSuchBucket") return std::unexpected(aws_failure(deleted.error()));
        return {};
    }

    Result<Value> import(const std::string& id) const override {
        auto where = split_object_id(id);
        if (!where)
            return std::unexpected(provider_error(fmt::format("Invalid aws_s3_object import id \"{}\"", id),
                                                  "The import id of aws_s3_object is BUCKET/KEY."));
        Value imported =
            plan_from_schema(m_schema, nullptr, Value(ValueMap{{"bucket", where->first}, {"key", where->second}}))
                .planned;
        set_attribute(imported, "id", id);
        auto read_back = read(imported);
        if (!read_back) return std::unexpected(read_back.error());
        if (!*read_back)
            return std::unexpected(ProviderError{ProviderError::Kind::NotFound,
                                                 fmt::format("No object s3://{}", id),
                                                 "The import id of aws_s3_object is BUCKET/KEY.",
                                                 {}});
        return std::move(**read_back);
    }

private:
    Result<Value> write(const Value& planned) const {
        auto clients = m_api->clients();
        if (!clients) return std::unexpected(clients.error());
        auto body = object_body(planned);
        if (!body) return std::unexpected(body.error());
        auto metadata = string_map_attribute(planned, "metadata");
        if (!metadata) return std::unexpected(metadata.error());
        const std::string bucket = *string_attribute(planned, "bucket");
        const std::string key = *string_attribute(planned, "key");
        const std::string* content_type = string_attribute(planned, "content_type");
        plinth::aws::ObjectWrite options{content_type ? *content_type : "", *metadata};
        auto written = (*clients)->s3.write_object(bucket, key, body->value_or(""), options);
        if (!written) return std::unexpected(aws_failure(written.error()));
        auto info = (*clients)->s3.head_object(bucket, key);
        if (!info) return std::unexpected(aws_failure(info.error()));
        Value result = planned;
        set_attribute(result, "id", bucket + "/" + key);
        if (*info) set_object_info(result, **info);
        if (!written->version_id.empty()) set_attribute(result, "version_id", written->version_id);
        return result;
    }

    ResourceSchema m_schema = object_schema();
    std::shared_ptr<const AwsApi> m_api;
};

}  // namespace

std::unique_ptr<ResourceType> make_s3_object(std::shared_ptr<const AwsApi> api) {
    return std::make_unique<S3Object>(std::move(api));
}

}  // namespace plinth::providers::aws
