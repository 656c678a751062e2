#include "core/backends/s3/s3_backend.h"

#include <algorithm>
#include <fmt/format.h>

#include "core/aws/dynamodb_client.h"
#include "core/aws/s3_client.h"
#include "core/backends/s3/s3_settings.h"
#include "core/backends/s3/s3_state_blob.h"
#include "core/state/blob_state_store.h"

namespace plinth::backends {

namespace {

class S3Backend final : public Backend {
public:
    S3Backend(S3Settings settings, std::shared_ptr<const aws::AwsClient> client, std::filesystem::path stack_dir)
        : m_settings(std::move(settings)),
          m_s3(std::make_shared<aws::S3Client>(client, m_settings.s3)),
          m_dynamodb(std::make_shared<aws::DynamoDbClient>(client, m_settings.dynamodb_endpoint)),
          m_stack_dir(std::move(stack_dir)) {}

    std::string type() const override { return "s3"; }

    std::string describe() const override {
        std::string where = m_settings.s3.endpoint.empty() ? m_settings.region : m_settings.s3.endpoint;
        return fmt::format("S3 bucket {} at {}, key {}", m_settings.bucket, where, m_settings.key);
    }

    std::expected<std::vector<std::string>, Diagnostic> workspaces() override {
        auto keys = m_s3->list_objects(m_settings.bucket, m_settings.workspace_key_prefix + "/");
        if (!keys) return std::unexpected(aws_diagnostic(keys.error()));
        std::vector<std::string> names;
        for (const auto& key : *keys)
            if (auto workspace = workspace_of_key(m_settings, key); workspace && *workspace != "default")
                names.push_back(*workspace);
        std::sort(names.begin(), names.end());
        names.erase(std::unique(names.begin(), names.end()), names.end());
        names.insert(names.begin(), "default");
        return names;
    }

    std::expected<std::unique_ptr<StateStore>, Diagnostic> open(const std::string& workspace) override {
        std::string key = state_key(m_settings, workspace);
        auto blob = std::make_unique<S3StateBlob>(m_s3, m_settings.bucket, key, lock_store(key));
        return std::make_unique<BlobStateStore>(std::move(blob), remote_journal_path(m_stack_dir, "s3", workspace));
    }

    std::expected<void, Diagnostic> delete_workspace(const std::string& workspace) override {
        if (workspace == "default") return std::unexpected(make_error("the default workspace cannot be deleted"));
        auto removed = m_s3->delete_object(m_settings.bucket, state_key(m_settings, workspace));
        if (!removed) return std::unexpected(aws_diagnostic(removed.error()));
        return {};
    }

private:
    // Terraform's names: the lock item's LockID is "BUCKET/KEY", the lock file KEY.tflock.
    std::shared_ptr<S3LockStore> lock_store(const std::string& key) const {
        if (!m_settings.dynamodb_table.empty())
            return dynamodb_lock_store(m_dynamodb, m_settings.dynamodb_table, m_settings.bucket + "/" + key);
        return lockfile_lock_store(m_s3, m_settings.bucket, key + ".tflock");
    }

    S3Settings m_settings;
    std::shared_ptr<const aws::S3Client> m_s3;
    std::shared_ptr<const aws::DynamoDbClient> m_dynamodb;
    std::filesystem::path m_stack_dir;
};

}  // namespace

std::expected<std::unique_ptr<Backend>, Diagnostic> open_s3_backend(const BackendDecl& decl,
                                                                    const std::filesystem::path& stack_dir) {
    auto settings = read_s3_settings(decl);
    if (!settings) return std::unexpected(settings.error());
    auto credentials = aws::resolve_credentials(settings->credentials);
    if (!credentials)
        return std::unexpected(make_error("the s3 backend has no AWS credentials", credentials.error(), decl.location));
    auto client = std::make_shared<const aws::AwsClient>(std::move(*credentials), settings->region);
    return std::make_unique<S3Backend>(std::move(*settings), std::move(client), stack_dir);
}

}  // namespace plinth::backends
