// core/state/local_backend.h: the default backend: state in local JSON files. The default
// workspace's is plinth.state.json in the stack directory (or the `path` setting); workspace
// NAME's is plinth.state.d/NAME/plinth.state.json (core/state/workspaces.h). Each file is written
// atomically (temp file, fsync, rename, fsync of the directory) with the previous version kept
// as <file>.backup, locked with flock() on <file>.lock (core/state/file_lock.h), journaled to
// <file>.journal.
#pragma once

#include <filesystem>

#include "core/state/backend.h"
#include "core/state/state_blob.h"

namespace plinth {

// One local state file as a StateBlob.
class LocalFileBlob final : public StateBlob {
public:
    explicit LocalFileBlob(std::filesystem::path path);

    std::string describe() const override;
    std::expected<std::optional<std::string>, Diagnostic> get() override;
    std::expected<void, Diagnostic> put(const std::string& bytes) override;
    std::expected<void, Diagnostic> put_text(const TextProducer& produce) override;  // straight to the file
    std::expected<std::unique_ptr<StateLock>, Diagnostic> lock(const std::string& operation,
                                                                std::chrono::milliseconds timeout) override;
    std::expected<void, Diagnostic> force_unlock(const std::string& lock_id) override;

private:
    std::filesystem::path m_path;
};

// The StateStore of one local state file.
std::unique_ptr<StateStore> open_local_state(const std::filesystem::path& state_path);

class LocalBackend final : public Backend {
public:
    // `default_state` is the default workspace's file (plinth.state.json in `stack_dir` unless
    // the `path` setting says otherwise).
    LocalBackend(std::filesystem::path stack_dir, std::filesystem::path default_state);

    std::string type() const override { return "local"; }
    std::string describe() const override;
    std::expected<std::vector<std::string>, Diagnostic> workspaces() override;
    std::expected<std::unique_ptr<StateStore>, Diagnostic> open(const std::string& workspace) override;
    std::expected<void, Diagnostic> delete_workspace(const std::string& workspace) override;

    std::filesystem::path state_path(const std::string& workspace) const;

private:
    std::filesystem::path m_stack_dir;
    std::filesystem::path m_default_state;
};

}  // namespace plinth
