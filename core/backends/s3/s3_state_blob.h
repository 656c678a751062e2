// core/backends/s3/s3_state_blob.h: one workspace's state in the s3 backend: the object's bytes
// (S3 replaces an object atomically: a failed PUT leaves the previous state) and its lock.
#pragma once

#include <memory>

#include "core/aws/s3_client.h"
#include "core/backends/s3/s3_lock_store.h"
#include "core/state/state_blob.h"

namespace plinth::backends {

class S3StateBlob final : public StateBlob {
public:
    S3StateBlob(std::shared_ptr<const aws::S3Client> s3, std::string bucket, std::string key,
                std::shared_ptr<S3LockStore> locks);

    std::string describe() const override;
    std::expected<std::optional<std::string>, Diagnostic> get() override;
    std::expected<void, Diagnostic> put(const std::string& bytes) override;
    std::expected<std::unique_ptr<StateLock>, Diagnostic> lock(const std::string& operation,
                                                                std::chrono::milliseconds timeout) override;
    std::expected<void, Diagnostic> force_unlock(const std::string& lock_id) override;

private:
    std::shared_ptr<const aws::S3Client> m_s3;
    std::string m_bucket;
    std::string m_key;
    std::shared_ptr<S3LockStore> m_locks;
};

// An AWS failure as a diagnostic: the call as summary, AWS's code and message as detail.
Diagnostic aws_diagnostic(const aws::AwsError& error);

}  // namespace plinth::backends
