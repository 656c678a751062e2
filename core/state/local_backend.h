// core/state/local_backend.h: state in a local JSON file (default plinth.state.json in the stack
// directory), written atomically (temp file, fsync, rename, fsync of the directory) with the
// previous version kept as <file>.backup; locked with flock() on <file>.lock, which also holds
// the holder's LockInfo as JSON; journal appended to <file>.journal.
#pragma once

#include <filesystem>

#include "core/state/backend.h"

namespace plinth {

class LocalBackend final : public Backend {
public:
    explicit LocalBackend(std::filesystem::path state_path);

    std::string describe() const override;
    std::expected<std::unique_ptr<StateLock>, Diagnostic> lock(const std::string& operation,
                                                                std::chrono::milliseconds timeout) override;
    std::expected<State, Diagnostic> read(bool* recovered = nullptr) override;
    std::expected<void, Diagnostic> write(const State& state) override;
    std::expected<std::unique_ptr<StateJournal>, Diagnostic> open_journal(const State& base) override;

    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

// Writes `content` to `path` atomically: a temp file beside it, fsync, rename, fsync of the
// directory. On failure the old file is untouched and the temp file removed.
std::expected<void, std::string> write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace plinth
