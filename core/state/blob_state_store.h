// core/state/blob_state_store.h: the StateStore every backend shares. It parses and serializes
// state around a StateBlob and keeps the crash journal in a local file: beside a local state
// file, or under .plinth/journals/ for remote ones (a run that crashed is resumed from the same
// checkout). A journal names the lineage and serial it extends, so a stale one is ignored. With a
// codec that has keys, the stored state and every journal line are encrypted.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include "core/state/backend.h"
#include "core/state/state_blob.h"

namespace plinth {

class BlobStateStore final : public StateStore {
public:
    BlobStateStore(std::unique_ptr<StateBlob> blob, std::filesystem::path journal_path);

    std::string describe() const override;
    std::expected<std::unique_ptr<StateLock>, Diagnostic> lock(const std::string& operation,
                                                                std::chrono::milliseconds timeout) override;
    std::expected<void, Diagnostic> force_unlock(const std::string& lock_id) override;
    std::expected<State, Diagnostic> read(bool* recovered = nullptr) override;
    std::expected<void, Diagnostic> write(const State& state) override;
    std::expected<std::unique_ptr<StateJournal>, Diagnostic> open_journal(const State& base) override;
    void use_codec(std::shared_ptr<const StateCodec> codec) override;
    bool stored_as_configured() const override { return m_stored_as_configured; }

private:
    // Puts `state` in the blob, encoded by the codec.
    std::expected<void, Diagnostic> store(const State& state);
    // The state in the blob's bytes, decoded by the codec.
    std::expected<State, Diagnostic> parse_stored(std::string bytes);

    std::unique_ptr<StateBlob> m_blob;
    std::filesystem::path m_journal_path;
    std::shared_ptr<const StateCodec> m_codec;  // never null
    bool m_stored_as_configured = true;         // of the last read
    // Whether the blob holds a state, as last seen by read() or write(); unknown before either.
    // Saves open_journal a round trip to a remote store right after read().
    std::optional<bool> m_state_stored;
};

// Where a remote backend's journal for `workspace` lives: .plinth/journals/TYPE/WORKSPACE.journal
// in the stack directory.
std::filesystem::path remote_journal_path(const std::filesystem::path& stack_dir, const std::string& backend_type,
                                          const std::string& workspace);

}  // namespace plinth
