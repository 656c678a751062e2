#include "core/state/file_lock.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "core/state/atomic_file.h"
#include "core/state/lock_info.h"

namespace plinth {

namespace {

class FileStateLock final : public StateLock {
public:
    FileStateLock(int fd, LockInfo info) : m_fd(fd), m_info(std::move(info)) {}
    ~FileStateLock() override {
        // Clear the holder's record while still holding the lock, so it never erases a successor's.
        // A failed truncate leaves a stale record, which is harmless: the flock is what excludes.
        [[maybe_unused]] int truncated = ::ftruncate(m_fd, 0);
        ::flock(m_fd, LOCK_UN);
        ::close(m_fd);
    }
    FileStateLock(const FileStateLock&) = delete;
    FileStateLock& operator=(const FileStateLock&) = delete;

    const LockInfo& info() const override { return m_info; }

private:
    int m_fd;  // open on the lock file and holding its flock
    LockInfo m_info;
};

std::string read_from_start(int fd) {
    std::string content;
    char buffer[4096];
    for (off_t offset = 0;;) {
        ssize_t n = ::pread(fd, buffer, sizeof buffer, offset);
        if (n <= 0) return content;
        content.append(buffer, static_cast<std::size_t>(n));
        offset += n;
    }
}

// True once the flock is ours; false when another holder has it.
std::expected<bool, Diagnostic> try_flock(int fd, const std::filesystem::path& lock_path) {
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) return true;
    if (errno == EWOULDBLOCK || errno == EINTR) return false;
    return std::unexpected(make_error("Error acquiring the state lock",
                                      fmt::format("flock on {} failed: {}", lock_path.string(), std::strerror(errno))));
}

// False when the file open on `fd` is no longer the one at `path` (it was removed or replaced).
bool names_same_file(int fd, const std::filesystem::path& path) {
    struct stat opened {}, named {};
    return ::fstat(fd, &opened) == 0 && ::stat(path.c_str(), &named) == 0 && opened.st_dev == named.st_dev &&
           opened.st_ino == named.st_ino;
}

std::expected<void, Diagnostic> record_holder(int fd, const LockInfo& info, const std::filesystem::path& lock_path) {
    std::string json = lock_info_to_json(info);
    bool ok = ::ftruncate(fd, 0) == 0 && ::lseek(fd, 0, SEEK_SET) == 0 && write_all(fd, json).has_value();
    if (ok) return {};
    return std::unexpected(make_error("Error acquiring the state lock",
                                      fmt::format("cannot write lock info to {}: {}", lock_path.string(),
                                                  std::strerror(errno))));
}

}  // namespace

std::expected<std::unique_ptr<StateLock>, Diagnostic> acquire_file_lock(const std::filesystem::path& lock_path,
                                                                       const std::filesystem::path& locked_path,
                                                                       const std::string& operation,
                                                                       std::chrono::milliseconds timeout) {
    int fd = -1;
    LockInfo last_holder;
    auto attempt = [&]() -> std::expected<bool, Diagnostic> {
        if (fd < 0) fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0)
            return std::unexpected(make_error("Error acquiring the state lock", fmt::format("cannot open {}: {}",
                                                                                            lock_path.string(),
                                                                                            std::strerror(errno))));
        auto taken = try_flock(fd, lock_path);
        if (taken && !*taken) last_holder = lock_info_from_json(read_from_start(fd));
        if (!taken || !*taken) return taken;
        if (names_same_file(fd, lock_path)) return true;
        // force-unlock removed the file we hold: a new lock file is where the others meet now.
        ::close(fd);
        fd = -1;
        return false;
    };
    auto taken = retry_lock(timeout, attempt);
    if (!taken || !*taken) {
        if (fd >= 0) ::close(fd);
        if (!taken) return std::unexpected(taken.error());
        return std::unexpected(lock_held_error(last_holder, lock_path.string(), timeout));
    }
    LockInfo info = new_lock_info(operation, locked_path.string());
    if (auto recorded = record_holder(fd, info, lock_path); !recorded) {
        ::close(fd);
        return std::unexpected(recorded.error());
    }
    return std::make_unique<FileStateLock>(fd, std::move(info));
}

std::expected<void, Diagnostic> force_unlock_file_lock(const std::filesystem::path& lock_path,
                                                       const std::string& lock_id) {
    int fd = ::open(lock_path.c_str(), O_RDWR | O_CLOEXEC);
    if (fd < 0) return std::unexpected(make_error(fmt::format("{} is not locked", lock_path.string())));
    auto taken = try_flock(fd, lock_path);
    if (!taken || *taken) {
        // Ours now, so nobody held it: leave the file as it was (empty) and let go.
        ::close(fd);
        if (!taken) return std::unexpected(taken.error());
        return std::unexpected(make_error(fmt::format("{} is not locked", lock_path.string()),
                                          "no run holds the state lock; nothing was changed"));
    }
    LockInfo holder = lock_info_from_json(read_from_start(fd));
    ::close(fd);
    if (auto matches = check_unlock_id(holder, lock_id, lock_path.string()); !matches)
        return std::unexpected(matches.error());
    std::error_code error;
    std::filesystem::remove(lock_path, error);
    if (error)
        return std::unexpected(make_error(fmt::format("cannot remove {}: {}", lock_path.string(), error.message())));
    return {};
}

}  // namespace plinth
