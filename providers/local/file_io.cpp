#include "providers/local/file_io.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace plinth::providers::local {

namespace {

ProviderError io_error(std::string_view action, const std::string& path, int error_number) {
    return provider_error(fmt::format("Cannot {} {}", action, path), std::strerror(error_number), "filename");
}

Result<void> make_directories(const std::filesystem::path& directory, mode_t mode) {
    if (directory.empty()) return {};
    struct stat info{};
    if (::stat(directory.c_str(), &info) == 0) {
        if (S_ISDIR(info.st_mode)) return {};
        return std::unexpected(io_error("create directory", directory.string(), ENOTDIR));
    }
    if (errno != ENOENT) return std::unexpected(io_error("inspect", directory.string(), errno));
    if (auto parent = make_directories(directory.parent_path(), mode); !parent) return parent;
    if (::mkdir(directory.c_str(), mode) != 0) {
        if (errno == EEXIST) return {};  // made meanwhile by a concurrent write
        return std::unexpected(io_error("create directory", directory.string(), errno));
    }
    if (::chmod(directory.c_str(), mode) != 0)
        return std::unexpected(io_error("set permissions of", directory.string(), errno));
    return {};
}

Result<void> write_all(int fd, std::string_view content, const std::string& path) {
    while (!content.empty()) {
        ssize_t written = ::write(fd, content.data(), content.size());
        if (written < 0 && errno == EINTR) continue;
        if (written < 0) return std::unexpected(io_error("write", path, errno));
        content.remove_prefix(static_cast<std::size_t>(written));
    }
    return {};
}

// Fills the open temp file and closes it; the caller renames it into place or removes it.
Result<void> fill_temp_file(int fd, const std::string& temp, std::string_view content, mode_t file_mode) {
    Result<void> result = write_all(fd, content, temp);
    if (result && ::fchmod(fd, file_mode) != 0) result = std::unexpected(io_error("set permissions of", temp, errno));
    if (::close(fd) != 0 && result) result = std::unexpected(io_error("close", temp, errno));
    return result;
}

}  // namespace

Result<std::optional<std::string>> read_file(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT || errno == ENOTDIR) return std::optional<std::string>{};
        return std::unexpected(io_error("read", path, errno));
    }
    struct stat info{};
    if (::fstat(fd, &info) == 0 && S_ISDIR(info.st_mode)) {
        ::close(fd);
        return std::unexpected(io_error("read", path, EISDIR));
    }
    std::string content;
    char buffer[65536];
    for (;;) {
        ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            int error_number = errno;
            ::close(fd);
            return std::unexpected(io_error("read", path, error_number));
        }
        if (got == 0) break;
        content.append(buffer, static_cast<std::size_t>(got));
    }
    ::close(fd);
    return std::optional<std::string>{std::move(content)};
}

Result<void> write_file(const std::string& path, std::string_view content, mode_t file_mode, mode_t directory_mode) {
    std::filesystem::path target(path);
    if (auto made = make_directories(target.parent_path(), directory_mode); !made) return made;
    std::string temp = temp_path_for(path);
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return std::unexpected(io_error("create a temporary file for", path, errno));
    Result<void> result = fill_temp_file(fd, temp, content, file_mode);
    if (result && ::rename(temp.c_str(), path.c_str()) != 0) result = std::unexpected(io_error("write", path, errno));
    if (!result) ::unlink(temp.c_str());
    return result;
}

std::string temp_path_for(const std::string& path) {
    std::filesystem::path target(path);
    return (target.parent_path() / ("." + target.filename().string() + ".plinth-tmp")).string();
}

void remove_leftover_temp(const std::string& path) { ::unlink(temp_path_for(path).c_str()); }

Result<void> remove_file(const std::string& path) {
    if (::unlink(path.c_str()) != 0 && errno != ENOENT && errno != ENOTDIR)
        return std::unexpected(io_error("delete", path, errno));
    return {};
}

Result<mode_t> file_mode(const std::string& path) {
    struct stat info{};
    if (::stat(path.c_str(), &info) != 0) return std::unexpected(io_error("inspect", path, errno));
    return info.st_mode & 07777;
}

std::optional<mode_t> parse_permission(std::string_view text) {
    if (text.size() != 3 && text.size() != 4) return std::nullopt;
    mode_t mode = 0;
    for (char c : text) {
        if (c < '0' || c > '7') return std::nullopt;
        mode = mode * 8 + static_cast<mode_t>(c - '0');
    }
    return mode;
}

std::string format_permission(mode_t mode) { return fmt::format("{:04o}", mode & 07777); }

}  // namespace plinth::providers::local
