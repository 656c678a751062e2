// aws_s3_bucket: a bucket, its tags, and whether destroying it may delete the objects in it.
#include <fmt/format.h>

#include "providers/attributes.h"
#include "providers/aws/aws_types.h"
#include "providers/aws/aws_values.h"

namespace plinth::providers::aws {

namespace {

ResourceSchema bucket_schema() {
    using T = AttributeType;
    return ResourceSchema{
        "aws_s3_bucket",
        "An S3 bucket.",
        {
            replacing(required_attribute("bucket", T::String, "The bucket's name.")),
            optional_attribute("force_destroy", T::Bool, "Destroying the bucket deletes the objects in it.",
                               Value(false)),
            optional_attribute("tags", T::Map, "Tags on the bucket."),
            computed_attribute("arn", T::String, "arn:aws:s3:::BUCKET."),
            computed_attribute("id", T::String, "The bucket's name."),
        },
    };
}

void set_bucket_identity(Value& attributes, const std::string& bucket) {
    set_attribute(attributes, "id", bucket);
    set_attribute(attributes, "arn", "arn:aws:s3:::" + bucket);
}

// s3rver (and some S3-compatible services) do not implement bucket tagging: such a bucket's tags
// read as what the stack last recorded.
bool tagging_unsupported(const plinth::aws::AwsError& error) { return error.code == "NotImplemented"; }

// `current` with the tags the bucket has now.
Result<Value> with_bucket_tags(const AwsClients& clients, const std::string& bucket, Value current) {
    auto tags = clients.s3.bucket_tags(bucket);
    if (!tags && tagging_unsupported(tags.error())) return current;
    if (!tags) return std::unexpected(aws_failure(tags.error()));
    set_string_map(current, "tags", *tags);
    return current;
}

Result<void> empty_bucket(const AwsClients& clients, const std::string& bucket) {
    auto keys = clients.s3.list_objects(bucket, "");
    if (!keys) return std::unexpected(aws_failure(keys.error()));
    for (const auto& key : *keys)
        if (auto deleted = clients.s3.delete_object(bucket, key); !deleted)
            return std::unexpected(aws_failure(deleted.error()));
    return {};
}

class S3Bucket final : public ResourceType {
public:
    explicit S3Bucket(std::shared_ptr<const AwsApi> api) : m_api(std::move(api)) {}

    const ResourceSchema& schema() const override { return m_schema; }

    Result<void> refine_plan(const Value&, GenericPlan& plan) const override {
        if (auto tags = string_map_attribute(plan.planned, "tags"); !tags) return std::unexpected(tags.error());
        if (const std::string* bucket = string_attribute(plan.planned, "bucket"))
            set_bucket_identity(plan.planned, *bucket);
        return {};
    }

    Result<Value> create(const Value& planned) const override {
        auto clients = m_api->clients();
        if (!clients) return std::unexpected(clients.error());
        const std::string bucket = *string_attribute(planned, "bucket");
        if (auto created = (*clients)->s3.create_bucket(bucket); !created)
            return std::unexpected(aws_failure(created.error()));
        if (auto tagged = write_tags(**clients, bucket, planned, true); !tagged) return std::unexpected(tagged.error());
        Value result = planned;
        set_bucket_identity(result, bucket);
        return result;
    }

    Result<std::optional<Value>> read(const Value& current) const override {
        const std::string* bucket = string_attribute(current, "bucket");
        if (bucket == nullptr) return std::optional<Value>{};
        auto clients = m_api->clients();
        if (!clients) return std::unexpected(clients.error());
        auto exists = (*clients)->s3.bucket_exists(*bucket);
        if (!exists) return std::unexpected(aws_failure(exists.error()));
        if (!*exists) return std::optional<Value>{};
        auto refreshed = with_bucket_tags(**clients, *bucket, current);
        if (!refreshed) return std::unexpected(refreshed.error());
        return std::optional<Value>(std::move(*refreshed));
    }

    Result<Value> update(const Value& prior, const Value& planned) const override {
        auto clients = m_api->clients();
        if (!clients) return std::unexpected(clients.error());
        // No tags and an empty map are the same tag set.
        bool same_tags = string_map_attribute(prior, "tags").value_or(StringMap{}) ==
                         string_map_attribute(planned, "tags").value_or(StringMap{});
        if (!same_tags)
            if (auto tagged = write_tags(**clients, *string_attribute(planned, "bucket"), planned, false); !tagged)
                return std::unexpected(tagged.error());
        return planned;
    }

    Result<void> remove(const Value& current) const override {
        const std::string* bucket = string_attribute(current, "bucket");
        if (bucket == nullptr) return {};
        auto clients = m_api->clients();
        if (!clients) return std::unexpected(clients.error());
        if (bool_attribute(current, "force_destroy", false))
            if (auto emptied = empty_bucket(**clients, *bucket); !emptied) return emptied;
        auto deleted = (*clients)->s3.delete_bucket(*bucket);
        if (deleted || deleted.error().code == "NoSuchBucket") return {};
        if (deleted.error().code == "BucketNotEmpty")
            return std::unexpected(provider_error(
                fmt::format("Bucket {} is not empty, so it was not deleted", *bucket),
                fmt::format("{}\nSet force_destroy: true to delete its objects with it, or empty it first.",
                            deleted.error().detail()),
                "force_destroy"));
        return std::unexpected(aws_failure(deleted.error()));
    }

    Result<Value> import(const std::string& bucket) const override {
        auto clients = m_api->clients();
        if (!clients) return std::unexpected(clients.error());
        auto exists = (*clients)->s3.bucket_exists(bucket);
        if (!exists) return std::unexpected(aws_failure(exists.error()));
        if (!*exists)
            return std::unexpected(ProviderError{ProviderError::Kind::NotFound,
                                                 fmt::format("No bucket {}", bucket),
                                                 "The import id of aws_s3_bucket is the bucket's name.",
                                                 {}});
        Value imported = plan_from_schema(m_schema, nullptr, Value(ValueMap{{"bucket", bucket}})).planned;
        set_bucket_identity(imported, bucket);
        return with_bucket_tags(**clients, bucket, std::move(imported));
    }

private:
    // Writes the planned tags (none: deletes the tag set); a new bucket without tags needs no call.
    static Result<void> write_tags(const AwsClients& clients, const std::string& bucket, const Value& planned,
                                   bool new_bucket) {
        auto tags = string_map_attribute(planned, "tags");
        if (!tags) return std::unexpected(tags.error());
        if (new_bucket && tags->empty()) return {};
        auto written = clients.s3.set_bucket_tags(bucket, *tags);
        if (!written) return std::unexpected(aws_failure(written.error()));
        return {};
    }

    ResourceSchema m_schema = bucket_schema();
    std::shared_ptr<const AwsApi> m_api;
};

}  // namespace

std::unique_ptr<ResourceType> make_s3_bucket(std::shared_ptr<const AwsApi> api) {
    return std::make_unique<S3Bucket>(std::move(api));
}

}  // namespace plinth::providers::aws
