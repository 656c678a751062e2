#include "core/backends/s3/s3_state_blob.h"

#include <fmt/format.h>

#include "core/log.h"
#include "core/state/lock_info.h"

namespace plinth::backends {

namespace {

// Holds the lock until destroyed; a release that fails is logged (the lock then needs
// `plinth force-unlock`).
class S3StateLock final : public StateLock {
public:
    S3StateLock(LockInfo info, std::string recorded, std::shared_ptr<S3LockStore> locks)
        : m_info(std::move(info)), m_recorded(std::move(recorded)), m_locks(std::move(locks)) {}
    ~S3StateLock() override {
        if (auto released = m_locks->release(m_recorded); !released)
            log(LogLevel::Warn, "could not release the state lock ({}): {}", m_locks->describe(),
                released.error().detail());
    }
    const LockInfo& info() const override { return m_info; }

private:
    LockInfo m_info;
    std::string m_recorded;
    std::shared_ptr<S3LockStore> m_locks;
};

}  // namespace

Diagnostic aws_diagnostic(const aws::AwsError& error) { return make_error(error.summary, error.detail()); }

S3StateBlob::S3StateBlob(std::shared_ptr<const aws::S3Client> s3, std::string bucket, std::string key,
                         std::shared_ptr<S3LockStore> locks)
    : m_s3(std::move(s3)), m_bucket(std::move(bucket)), m_key(std::move(key)), m_locks(std::move(locks)) {}

std::string S3StateBlob::describe() const { return fmt::format("s3://{}/{}", m_bucket, m_key); }

std::expected<std::optional<std::string>, Diagnostic> S3StateBlob::get() {
    auto bytes = m_s3->get_object(m_bucket, m_key);
    if (!bytes) return std::unexpected(aws_diagnostic(bytes.error()));
    return *bytes;
}

std::expected<void, Diagnostic> S3StateBlob::put(const std::string& bytes) {
    auto stored = m_s3->put_object(m_bucket, m_key, bytes);
    if (!stored) return std::unexpected(aws_diagnostic(stored.error()));
    return {};
}

std::expected<std::unique_ptr<StateLock>, Diagnostic> S3StateBlob::lock(const std::string& operation,
                                                                        std::chrono::milliseconds timeout) {
    LockInfo info = new_lock_info(operation, fmt::format("{}/{}", m_bucket, m_key));
    std::string recorded = lock_info_to_json(info);
    auto taken = retry_lock(timeout, [&]() -> std::expected<bool, Diagnostic> {
        auto attempt = m_locks->try_take(recorded);
        if (!attempt) return std::unexpected(aws_diagnostic(attempt.error()));
        return *attempt;
    });
    if (!taken) return std::unexpected(taken.error());
    if (*taken) return std::make_unique<S3StateLock>(std::move(info), std::move(recorded), m_locks);
    auto holder = m_locks->holder();
    if (!holder) return std::unexpected(aws_diagnostic(holder.error()));
    return std::unexpected(lock_held_error(*holder ? (*holder)->info : LockInfo{}, m_locks->describe(), timeout));
}

std::expected<void, Diagnostic> S3StateBlob::force_unlock(const std::string& lock_id) {
    auto holder = m_locks->holder();
    if (!holder) return std::unexpected(aws_diagnostic(holder.error()));
    if (!*holder)
        return std::unexpected(make_error(fmt::format("{} is not locked", describe()),
                                          fmt::format("{} holds no lock; nothing was changed", m_locks->describe())));
    if (auto matches = check_unlock_id((*holder)->info, lock_id, m_locks->describe()); !matches)
        return std::unexpected(matches.error());
    auto released = m_locks->release((*holder)->recorded);
    if (!released) return std::unexpected(aws_diagnostic(released.error()));
    return {};
}

}  // namespace plinth::backends
