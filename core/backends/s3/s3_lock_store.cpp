#include "core/backends/s3/s3_lock_store.h"

#include <fmt/format.h>

#include "core/state/lock_info.h"

namespace plinth::backends {

namespace {

using aws::AwsError;
using nlohmann::json;

class DynamoDbLockStore final : public S3LockStore {
public:
    DynamoDbLockStore(std::shared_ptr<const aws::DynamoDbClient> dynamodb, std::string table, std::string lock_id)
        : m_dynamodb(std::move(dynamodb)), m_table(std::move(table)), m_lock_id(std::move(lock_id)) {}

    std::string describe() const override { return fmt::format("DynamoDB table {}, LockID {}", m_table, m_lock_id); }

    std::expected<bool, AwsError> try_take(const std::string& info_json) override {
        json item{{"LockID", {{"S", m_lock_id}}}, {"Info", {{"S", info_json}}}};
        auto put = m_dynamodb->put_item(m_table, item, aws::Condition{"attribute_not_exists(LockID)", {}});
        if (put) return true;
        if (put.error().code == aws::k_condition_failed) return false;
        return std::unexpected(put.error());
    }

    std::expected<std::optional<HeldLock>, AwsError> holder() override {
        auto item = m_dynamodb->get_item(m_table, key());
        if (!item) return std::unexpected(item.error());
        if (!*item) return std::nullopt;
        std::string recorded = (*item)->value("/Info/S"_json_pointer, std::string());
        return HeldLock{lock_info_from_json(recorded), recorded};
    }

    std::expected<void, AwsError> release(const std::string& recorded) override {
        auto removed = m_dynamodb->delete_item(m_table, key(),
                                               aws::Condition{"Info = :info", {{":info", {{"S", recorded}}}}});
        if (!removed && removed.error().code != aws::k_condition_failed) return std::unexpected(removed.error());
        return {};
    }

private:
    json key() const { return {{"LockID", {{"S", m_lock_id}}}}; }

    std::shared_ptr<const aws::DynamoDbClient> m_dynamodb;
    std::string m_table;
    std::string m_lock_id;
};

class LockfileLockStore final : public S3LockStore {
public:
    LockfileLockStore(std::shared_ptr<const aws::S3Client> s3, std::string bucket, std::string key)
        : m_s3(std::move(s3)), m_bucket(std::move(bucket)), m_key(std::move(key)) {}

    std::string describe() const override { return fmt::format("lock file s3://{}/{}", m_bucket, m_key); }

    std::expected<bool, AwsError> try_take(const std::string& info_json) override {
        return m_s3->put_object(m_bucket, m_key, info_json, true);
    }

    std::expected<std::optional<HeldLock>, AwsError> holder() override {
        auto text = m_s3->get_object(m_bucket, m_key);
        if (!text) return std::unexpected(text.error());
        if (!*text) return std::nullopt;
        return HeldLock{lock_info_from_json(**text), **text};
    }

    // S3 has no conditional delete everywhere: the holder is checked first, then the file deleted.
    std::expected<void, AwsError> release(const std::string& recorded) override {
        auto current = holder();
        if (!current) return std::unexpected(current.error());
        if (!*current || (*current)->recorded != recorded) return {};
        return m_s3->delete_object(m_bucket, m_key);
    }

private:
    std::shared_ptr<const aws::S3Client> m_s3;
    std::string m_bucket;
    std::string m_key;
};

}  // namespace

std::unique_ptr<S3LockStore> dynamodb_lock_store(std::shared_ptr<const aws::DynamoDbClient> dynamodb,
                                                 std::string table, std::string lock_id) {
    return std::make_unique<DynamoDbLockStore>(std::move(dynamodb), std::move(table), std::move(lock_id));
}

std::unique_ptr<S3LockStore> lockfile_lock_store(std::shared_ptr<const aws::S3Client> s3, std::string bucket,
                                                 std::string key) {
    return std::make_unique<LockfileLockStore>(std::move(s3), std::move(bucket), std::move(key));
}

}  // namespace plinth::backends
