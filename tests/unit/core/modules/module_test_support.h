// tests/unit/core/modules/module_test_support.h: what the module tests build their fixtures with:
// archives written with libarchive, and git commands run in a repository the test creates.
#pragma once

#include <archive.h>
#include <archive_entry.h>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "core/process.h"

namespace plinth::testing {

// One entry of a test archive: a file with `content`, a directory (name ending in '/'), or a
// symbolic link when `link_target` is set.
struct ArchiveEntry {
    std::string name;
    std::string content;
    std::string link_target;
};

enum class ArchiveFormat { TarGz, Zip };

inline std::string make_archive(ArchiveFormat format, const std::vector<ArchiveEntry>& entries) {
    std::vector<char> buffer(1 << 20);
    std::size_t used = 0;
    archive* writer = archive_write_new();
    if (format == ArchiveFormat::TarGz) {
        archive_write_add_filter_gzip(writer);
        archive_write_set_format_pax_restricted(writer);
    } else {
        archive_write_set_format_zip(writer);
    }
    REQUIRE(archive_write_open_memory(writer, buffer.data(), buffer.size(), &used) == ARCHIVE_OK);
    for (const auto& item : entries) {
        archive_entry* entry = archive_entry_new();
        archive_entry_set_pathname(entry, item.name.c_str());
        bool directory = item.name.ends_with('/');
        if (!item.link_target.empty()) {
            archive_entry_set_filetype(entry, AE_IFLNK);
            archive_entry_set_symlink(entry, item.link_target.c_str());
        } else {
            archive_entry_set_filetype(entry, directory ? AE_IFDIR : AE_IFREG);
            archive_entry_set_size(entry, static_cast<la_int64_t>(item.content.size()));
        }
        archive_entry_set_perm(entry, directory ? 0755 : 0644);
        REQUIRE(archive_write_header(writer, entry) == ARCHIVE_OK);
        if (!item.content.empty()) archive_write_data(writer, item.content.data(), item.content.size());
        archive_entry_free(entry);
    }
    archive_write_close(writer);
    archive_write_free(writer);
    return std::string(buffer.data(), used);
}

// Runs git in `directory` with a fixed identity and no signing, whatever the user's settings.
inline std::string git(const std::filesystem::path& directory, std::vector<std::string> arguments) {
    ProcessRequest request;
    request.argv = {"git", "-C", directory.string(), "-c", "user.name=plinth test", "-c",
                    "user.email=test@plinth.invalid", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"};
    request.argv.insert(request.argv.end(), arguments.begin(), arguments.end());
    auto result = run_process(request);
    REQUIRE(result);
    INFO(result->stderr_text);
    REQUIRE(result->exit_code == 0);
    return result->stdout_text;
}

}  // namespace plinth::testing
