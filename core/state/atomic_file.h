// core/state/atomic_file.h: whole-file reads and atomic writes (state, plans, lock and record files,
// stack files rewritten by `plinth fmt`) and the backup step of the local backend.
#pragma once

#include <expected>
#include <filesystem>
#include <optional>
#include <string>

#include "core/state/text_pieces.h"

namespace plinth {

// Writes `content` to `path` atomically: a temp file beside it with permission bits `mode`
// (exactly, whatever the umask), fsync, rename, fsync of the directory. On failure the old file
// is untouched and the temp file removed.
std::expected<void, std::string> write_file_atomically(const std::filesystem::path& path, std::string_view content,
                                                       unsigned mode = 0600);
// The same for content produced piece by piece: written as it comes, through a buffer.
std::expected<void, std::string> write_file_atomically(const std::filesystem::path& path, const TextProducer& produce,
                                                       unsigned mode = 0600);

// The whole file, or nullopt when it does not exist.
std::expected<std::optional<std::string>, std::string> read_whole_file(const std::filesystem::path& path);

// Makes `backup` name the current content of `path` (a hard link when the file system allows it,
// else a copy), replacing any older backup atomically. Nothing happens when `path` is absent.
std::expected<void, std::string> keep_backup(const std::filesystem::path& path, const std::filesystem::path& backup);

// fsync of a directory, so that a rename or a new entry in it survives a power loss.
std::expected<void, std::string> sync_directory(const std::filesystem::path& directory);

// Writes all of `data` to `fd`, retrying on partial writes and EINTR.
std::expected<void, std::string> write_all(int fd, std::string_view data);

}  // namespace plinth
