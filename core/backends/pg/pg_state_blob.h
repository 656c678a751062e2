// core/backends/pg/pg_state_blob.h: one workspace's state as the `data` of its row in the states
// table (Terraform's layout), written in a single INSERT ... ON CONFLICT statement, which is
// atomic: a failed write leaves the previous state.
#pragma once

#include "core/backends/pg/pg_workspace.h"
#include "core/state/state_blob.h"

namespace plinth::backends {

class PgStateBlob final : public StateBlob {
public:
    explicit PgStateBlob(PgWorkspace workspace) : m_workspace(std::move(workspace)) {}

    std::string describe() const override { return m_workspace.where; }
    std::expected<std::optional<std::string>, Diagnostic> get() override;
    std::expected<void, Diagnostic> put(const std::string& bytes) override;
    std::expected<std::unique_ptr<StateLock>, Diagnostic> lock(const std::string& operation,
                                                                std::chrono::milliseconds timeout) override;
    std::expected<void, Diagnostic> force_unlock(const std::string& lock_id) override;

private:
    PgWorkspace m_workspace;
};

}  // namespace plinth::backends
