#include "core/state/file_lock.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <pwd.h>
#include <sys/file.h>
#include <thread>
#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/digest.h"
#include "core/state/atomic_file.h"
#include "core/version.h"

namespace plinth {

namespace {

constexpr std::chrono::milliseconds k_retry_interval{100};

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

std::string current_user() {
    if (const passwd* entry = ::getpwuid(::geteuid()); entry && entry->pw_name) return entry->pw_name;
    if (const char* user = std::getenv("USER")) return user;
    return fmt::format("uid {}", ::geteuid());
}

std::string current_host() {
    char host[256] = {};
    if (::gethostname(host, sizeof host - 1) != 0) return "localhost";
    return host;
}

std::string rfc3339_now() {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    ::gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

LockInfo describe_holder(const std::string& operation, const std::filesystem::path& locked_path) {
    return LockInfo{random_uuid(),
                    operation,
                    fmt::format("{}@{} (pid {})", current_user(), current_host(), ::getpid()),
                    k_version,
                    rfc3339_now(),
                    locked_path.string()};
}

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

Diagnostic lock_busy(int fd, const std::filesystem::path& lock_path, std::chrono::milliseconds timeout) {
    LockInfo holder = lock_info_from_json(read_from_start(fd));
    std::string detail;
    if (holder.id.empty()) {
        detail = fmt::format("{} is held by another process that has not recorded who it is yet.", lock_path.string());
    } else {
        detail = fmt::format("The state is locked by {} for \"{}\" since {} (lock ID {}).\n\n"
                             "Lock Info:\n  ID:        {}\n  Path:      {}\n  Operation: {}\n  Who:       {}\n"
                             "  Version:   {}\n  Created:   {}",
                             holder.who, holder.operation, holder.created, holder.id, holder.id, holder.path,
                             holder.operation, holder.who, holder.version, holder.created);
    }
    detail += fmt::format("\n\nWaited {} ms. Let that run finish, or wait longer with --lock-timeout.", timeout.count());
    return make_error("Error acquiring the state lock", std::move(detail), SourceLocation{lock_path.string()});
}

// True once the flock is ours; false when another holder has it.
std::expected<bool, Diagnostic> try_flock(int fd, const std::filesystem::path& lock_path) {
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) return true;
    if (errno == EWOULDBLOCK || errno == EINTR) return false;
    return std::unexpected(make_error("Error acquiring the state lock",
                                      fmt::format("flock on {} failed: {}", lock_path.string(), std::strerror(errno))));
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

std::string lock_info_to_json(const LockInfo& info) {
    nlohmann::ordered_json json{{"ID", info.id},           {"Operation", info.operation}, {"Who", info.who},
                                {"Version", info.version}, {"Created", info.created},     {"Path", info.path}};
    return json.dump() + "\n";
}

LockInfo lock_info_from_json(std::string_view json) {
    auto doc = nlohmann::json::parse(json, nullptr, false);
    LockInfo info;
    if (!doc.is_object()) return info;
    auto field = [&](const char* name) { return doc.contains(name) && doc[name].is_string() ? doc[name].get<std::string>() : ""; };
    return LockInfo{field("ID"), field("Operation"), field("Who"), field("Version"), field("Created"), field("Path")};
}

std::expected<std::unique_ptr<StateLock>, Diagnostic> acquire_file_lock(const std::filesystem::path& lock_path,
                                                                       const std::filesystem::path& locked_path,
                                                                       const std::string& operation,
                                                                       std::chrono::milliseconds timeout) {
    int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return std::unexpected(make_error("Error acquiring the state lock",
                                          fmt::format("cannot open {}: {}", lock_path.string(), std::strerror(errno))));
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        auto taken = try_flock(fd, lock_path);
        if (!taken) {
            ::close(fd);
            return std::unexpected(taken.error());
        }
        if (*taken) break;
        auto now = std::chrono::steady_clock::now();
        if (now >= deadline) {
            Diagnostic busy = lock_busy(fd, lock_path, timeout);
            ::close(fd);
            return std::unexpected(std::move(busy));
        }
        std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(k_retry_interval, deadline - now));
    }
    LockInfo info = describe_holder(operation, locked_path);
    if (auto recorded = record_holder(fd, info, lock_path); !recorded) {
        ::close(fd);
        return std::unexpected(recorded.error());
    }
    return std::make_unique<FileStateLock>(fd, std::move(info));
}

}  // namespace plinth
