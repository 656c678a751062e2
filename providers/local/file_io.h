// providers/local/file_io.h: the file-system work behind local_file: reading a file, writing one
// atomically with exact permissions (creating missing parent directories), removing one, and
// permission strings ("0644"). Paths are used as given: relative ones resolve against the
// process working directory.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>

#include "providers/provider.h"

namespace plinth::providers::local {

// The file's bytes; null when it does not exist; an error for anything else (a directory, no access).
Result<std::optional<std::string>> read_file(const std::string& path);

// Writes `content` to a temp file beside `path` with mode `file_mode` (umask does not apply) and
// renames it over `path`, so readers never see a half-written file. Like Terraform's local_file
// it does not fsync: the file is the user's, and a sync per file made applying 10,000 files
// take 5.5 s instead of 2 s (bench/README.md). Missing parent
// directories are created with `directory_mode`. On failure the temp file is removed.
Result<void> write_file(const std::string& path, std::string_view content, mode_t file_mode, mode_t directory_mode);

// The temp file a write of `path` goes through: ".NAME.plinth-tmp" beside it. Its name is fixed,
// so a write killed part-way leaves a file the next refresh knows to remove.
std::string temp_path_for(const std::string& path);
void remove_leftover_temp(const std::string& path);

// Deletes the file; one that is already gone is fine.
Result<void> remove_file(const std::string& path);

// The permission bits of an existing file.
Result<mode_t> file_mode(const std::string& path);

// "0644" or "644" -> 0644; null unless 3 or 4 octal digits.
std::optional<mode_t> parse_permission(std::string_view text);
// 0644 -> "0644".
std::string format_permission(mode_t mode);

}  // namespace plinth::providers::local
