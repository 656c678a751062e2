#include "core/state/local_backend.h"

#include <fmt/format.h>

#include "core/state/atomic_file.h"
#include "core/state/blob_state_store.h"
#include "core/state/file_lock.h"
#include "core/state/workspaces.h"

namespace plinth {

namespace {

namespace fs = std::filesystem;

fs::path with_suffix(const fs::path& path, const char* suffix) { return fs::path(path.string() + suffix); }

Diagnostic write_error(const fs::path& path, std::string detail) {
    return make_error(fmt::format("cannot write state file {}", path.string()), std::move(detail),
                      SourceLocation{path.string()});
}

}  // namespace

LocalFileBlob::LocalFileBlob(fs::path path) : m_path(std::move(path)) {}

std::string LocalFileBlob::describe() const { return m_path.string(); }

std::expected<std::optional<std::string>, Diagnostic> LocalFileBlob::get() {
    auto content = read_whole_file(m_path);
    if (!content)
        return std::unexpected(make_error(fmt::format("cannot read state file {}", m_path.string()), content.error(),
                                          SourceLocation{m_path.string()}));
    return std::move(*content);
}

std::expected<void, Diagnostic> LocalFileBlob::put(const std::string& bytes) {
    return put_text([&](const TextSink& sink) { sink(bytes); });
}

std::expected<void, Diagnostic> LocalFileBlob::put_text(const TextProducer& produce) {
    std::error_code error;
    fs::create_directories(m_path.parent_path().empty() ? fs::path(".") : m_path.parent_path(), error);
    if (error) return std::unexpected(write_error(m_path, error.message()));
    if (auto backup = keep_backup(m_path, with_suffix(m_path, ".backup")); !backup)
        return std::unexpected(write_error(m_path, backup.error()));
    if (auto written = write_file_atomically(m_path, produce); !written)
        return std::unexpected(write_error(m_path, written.error()));
    return {};
}

std::expected<std::unique_ptr<StateLock>, Diagnostic> LocalFileBlob::lock(const std::string& operation,
                                                                           std::chrono::milliseconds timeout) {
    std::error_code error;
    fs::create_directories(m_path.parent_path().empty() ? fs::path(".") : m_path.parent_path(), error);
    return acquire_file_lock(with_suffix(m_path, ".lock"), m_path, operation, timeout);
}

std::expected<void, Diagnostic> LocalFileBlob::force_unlock(const std::string& lock_id) {
    return force_unlock_file_lock(with_suffix(m_path, ".lock"), lock_id);
}

std::unique_ptr<StateStore> open_local_state(const fs::path& state_path) {
    return std::make_unique<BlobStateStore>(std::make_unique<LocalFileBlob>(state_path),
                                            with_suffix(state_path, ".journal"));
}

LocalBackend::LocalBackend(fs::path stack_dir, fs::path default_state)
    : m_stack_dir(std::move(stack_dir)), m_default_state(std::move(default_state)) {}

std::string LocalBackend::describe() const { return "local file " + m_default_state.string(); }

fs::path LocalBackend::state_path(const std::string& workspace) const {
    if (workspace == "default") return m_default_state;
    return local_state_path(m_stack_dir, workspace);
}

std::expected<std::vector<std::string>, Diagnostic> LocalBackend::workspaces() { return local_workspaces(m_stack_dir); }

std::expected<std::unique_ptr<StateStore>, Diagnostic> LocalBackend::open(const std::string& workspace) {
    return open_local_state(state_path(workspace));
}

std::expected<void, Diagnostic> LocalBackend::delete_workspace(const std::string& workspace) {
    if (workspace == "default") return std::unexpected(make_error("the default workspace cannot be deleted"));
    std::error_code error;
    fs::remove_all(state_path(workspace).parent_path(), error);
    if (error)
        return std::unexpected(make_error(fmt::format("cannot delete workspace `{}`: {}", workspace, error.message())));
    return {};
}

}  // namespace plinth
