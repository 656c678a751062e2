#include "core/state/local_backend.h"

#include <fmt/format.h>

#include "core/state/atomic_file.h"
#include "core/state/file_lock.h"
#include "core/state/journal.h"
#include "core/state/state_file.h"

namespace plinth {

namespace {

std::filesystem::path with_suffix(const std::filesystem::path& path, const char* suffix) {
    return std::filesystem::path(path.string() + suffix);
}

Diagnostic write_error(const std::filesystem::path& path, std::string detail) {
    return make_error(fmt::format("cannot write state file {}", path.string()), std::move(detail),
                      SourceLocation{path.string()});
}

}  // namespace

LocalBackend::LocalBackend(std::filesystem::path state_path) : m_path(std::move(state_path)) {}

std::string LocalBackend::describe() const { return "local file " + m_path.string(); }

std::expected<std::unique_ptr<StateLock>, Diagnostic> LocalBackend::lock(const std::string& operation,
                                                                          std::chrono::milliseconds timeout) {
    return acquire_file_lock(with_suffix(m_path, ".lock"), m_path, operation, timeout);
}

std::expected<State, Diagnostic> LocalBackend::read(bool* recovered) {
    if (recovered) *recovered = false;
    auto content = read_whole_file(m_path);
    if (!content)
        return std::unexpected(make_error(fmt::format("cannot read state file {}", m_path.string()), content.error(),
                                          SourceLocation{m_path.string()}));
    // Without a state file any journal is stale: open_journal always writes the file first.
    if (!*content) return State::fresh();
    auto state = parse_state(**content, m_path.string());
    if (!state) return state;
    auto folded = fold_journal(with_suffix(m_path, ".journal"), *state);
    if (!folded) return std::unexpected(folded.error());
    if (recovered) *recovered = *folded;
    return state;
}

std::expected<void, Diagnostic> LocalBackend::write(const State& state) {
    if (auto backup = keep_backup(m_path, with_suffix(m_path, ".backup")); !backup)
        return std::unexpected(write_error(m_path, backup.error()));
    if (auto written = write_file_atomically(m_path, serialize_state(state)); !written)
        return std::unexpected(write_error(m_path, written.error()));
    // The journal is folded into what was just written. Left behind it would be stale (its serial
    // is older) and ignored, but remove it so that it is not read again.
    std::error_code error;
    std::filesystem::remove(with_suffix(m_path, ".journal"), error);
    if (error) return std::unexpected(write_error(m_path, "cannot remove the journal: " + error.message()));
    return {};
}

std::expected<std::unique_ptr<StateJournal>, Diagnostic> LocalBackend::open_journal(const State& base) {
    std::error_code error;
    if (!std::filesystem::exists(m_path, error)) {
        // A journal is only trusted for the lineage it names, so that lineage must be on disk.
        if (auto written = write_file_atomically(m_path, serialize_state(base)); !written)
            return std::unexpected(write_error(m_path, written.error()));
    }
    auto journal = FileJournal::open(with_suffix(m_path, ".journal"), base);
    if (!journal) return std::unexpected(journal.error());
    return std::unique_ptr<StateJournal>(std::move(*journal));
}

}  // namespace plinth
