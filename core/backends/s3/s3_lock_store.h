// core/backends/s3/s3_lock_store.h: where the s3 backend keeps one workspace's lock: a DynamoDB
// item written only if absent (Terraform's classic lock: LockID = "BUCKET/KEY", Info = the lock-info
// JSON), or a KEY.tflock object written with If-None-Match: * (use_lockfile).
#pragma once

#include <expected>
#include <memory>
#include <optional>
#include <string>

#include "core/aws/dynamodb_client.h"
#include "core/aws/s3_client.h"
#include "core/state/backend.h"

namespace plinth::backends {

// The lock as stored: its holder and the exact text recorded, which a release matches.
struct HeldLock {
    LockInfo info;  // empty fields when the text is not lock-info JSON
    std::string recorded;
};

class S3LockStore {
public:
    virtual ~S3LockStore() = default;
    // "DynamoDB table locks, LockID b/k": names the lock in messages.
    virtual std::string describe() const = 0;
    // Records `info_json` as the lock if nobody holds it; false when somebody does.
    virtual std::expected<bool, aws::AwsError> try_take(const std::string& info_json) = 0;
    // The current holder; nullopt when the lock is free.
    virtual std::expected<std::optional<HeldLock>, aws::AwsError> holder() = 0;
    // Removes the lock if it is still the one recorded as `recorded`.
    virtual std::expected<void, aws::AwsError> release(const std::string& recorded) = 0;
};

// The lock item LockID = `lock_id` in `table`.
std::unique_ptr<S3LockStore> dynamodb_lock_store(std::shared_ptr<const aws::DynamoDbClient> dynamodb,
                                                 std::string table, std::string lock_id);

// The object `key` in `bucket`, written If-None-Match: *.
std::unique_ptr<S3LockStore> lockfile_lock_store(std::shared_ptr<const aws::S3Client> s3, std::string bucket,
                                                 std::string key);

}  // namespace plinth::backends
