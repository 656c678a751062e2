#include "core/state/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "core/digest.h"

namespace plinth {

namespace {

std::string errno_text() { return std::strerror(errno); }

std::filesystem::path directory_of(const std::filesystem::path& path) {
    auto parent = path.parent_path();
    return parent.empty() ? std::filesystem::path(".") : parent;
}

// A name beside `path` that no other writer picks: pid plus random bytes.
std::filesystem::path temp_name(const std::filesystem::path& path) {
    std::string suffix = fmt::format(".tmp.{}.{}", ::getpid(), sha1_hex(random_bytes(8)).substr(0, 12));
    return directory_of(path) / (path.filename().string() + suffix);
}

// Writes pieces to a file descriptor through a buffer; the first failure ends the writing and is
// kept for finish().
class BufferedWriter {
public:
    explicit BufferedWriter(int fd) : m_fd(fd) {}

    void write(std::string_view piece) {
        if (!m_result) return;
        if (m_buffer.size() + piece.size() > k_capacity) flush();
        if (piece.size() >= k_capacity)
            m_result = write_all(m_fd, piece);
        else
            m_buffer += piece;
    }

    std::expected<void, std::string> finish() {
        flush();
        return m_result;
    }

private:
    static constexpr std::size_t k_capacity = 256 * 1024;

    void flush() {
        if (m_result && !m_buffer.empty()) m_result = write_all(m_fd, m_buffer);
        m_buffer.clear();
    }

    int m_fd;
    std::string m_buffer;
    std::expected<void, std::string> m_result;
};

std::expected<void, std::string> write_and_sync(const std::filesystem::path& temp, const TextProducer& produce,
                                                unsigned mode) {
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return std::unexpected(fmt::format("cannot create {}: {}", temp.string(), errno_text()));
    std::expected<void, std::string> written;
    if (::fchmod(fd, static_cast<mode_t>(mode)) != 0)
        written = std::unexpected(fmt::format("cannot set its permissions: {}", errno_text()));
    if (written) {
        BufferedWriter writer(fd);
        try {
            produce([&](std::string_view piece) { writer.write(piece); });
        } catch (...) {  // the producer failed part-way: leave no descriptor and no temp file behind
            ::close(fd);
            ::unlink(temp.c_str());
            throw;
        }
        written = writer.finish();
    }
    if (written && ::fsync(fd) != 0) written = std::unexpected(fmt::format("fsync failed: {}", errno_text()));
    if (::close(fd) != 0 && written) written = std::unexpected(fmt::format("close failed: {}", errno_text()));
    if (!written) return std::unexpected(fmt::format("cannot write {}: {}", temp.string(), written.error()));
    return {};
}

}  // namespace

std::expected<void, std::string> write_all(int fd, std::string_view data) {
    while (!data.empty()) {
        ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return std::unexpected(errno_text());
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return {};
}

std::expected<void, std::string> sync_directory(const std::filesystem::path& directory) {
    int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return std::unexpected(fmt::format("cannot open directory {}: {}", directory.string(), errno_text()));
    int rc = ::fsync(fd);
    std::string error = rc != 0 ? errno_text() : std::string();
    ::close(fd);
    if (rc != 0) return std::unexpected(fmt::format("cannot sync directory {}: {}", directory.string(), error));
    return {};
}

std::expected<void, std::string> write_file_atomically(const std::filesystem::path& path, std::string_view content,
                                                       unsigned mode) {
    return write_file_atomically(path, [content](const TextSink& sink) { sink(content); }, mode);
}

std::expected<void, std::string> write_file_atomically(const std::filesystem::path& path, const TextProducer& produce,
                                                       unsigned mode) {
    auto temp = temp_name(path);
    auto written = write_and_sync(temp, produce, mode);
    if (written && ::rename(temp.c_str(), path.c_str()) != 0)
        written = std::unexpected(fmt::format("cannot rename {} to {}: {}", temp.string(), path.string(), errno_text()));
    if (!written) {
        ::unlink(temp.c_str());
        return written;
    }
    return sync_directory(directory_of(path));
}

std::expected<std::optional<std::string>, std::string> read_whole_file(const std::filesystem::path& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) return std::optional<std::string>();
    if (fd < 0) return std::unexpected(fmt::format("cannot open {}: {}", path.string(), errno_text()));
    std::string content;
    struct stat info {};
    if (::fstat(fd, &info) == 0 && info.st_size > 0) content.reserve(static_cast<std::size_t>(info.st_size));
    char buffer[65536];
    for (;;) {
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            std::string error = n < 0 ? errno_text() : std::string();
            ::close(fd);
            if (n < 0) return std::unexpected(fmt::format("cannot read {}: {}", path.string(), error));
            return std::optional<std::string>(std::move(content));
        }
        content.append(buffer, static_cast<std::size_t>(n));
    }
}

std::expected<void, std::string> keep_backup(const std::filesystem::path& path, const std::filesystem::path& backup) {
    auto temp = temp_name(backup);
    if (::link(path.c_str(), temp.c_str()) == 0) {
        if (::rename(temp.c_str(), backup.c_str()) == 0) return {};
        std::string error = errno_text();
        ::unlink(temp.c_str());
        return std::unexpected(fmt::format("cannot rename {} to {}: {}", temp.string(), backup.string(), error));
    }
    if (errno == ENOENT) return {};
    // No hard links here (some file systems refuse them): copy instead.
    auto content = read_whole_file(path);
    if (!content) return std::unexpected(content.error());
    if (!*content) return {};
    return write_file_atomically(backup, **content);
}

}  // namespace plinth
