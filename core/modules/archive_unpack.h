// core/modules/archive_unpack.h: unpacking a module archive (tar compressed with gzip, bzip2 or
// xz, or zip) with libarchive, refusing entries that would land outside the destination.
// libarchive stays inside the .cpp.
#pragma once

#include <expected>
#include <filesystem>
#include <string>

namespace plinth {

// Unpacks `archive` into `destination` (an existing directory). The archive's layout is kept as
// is: a single top-level directory is not stripped (as Terraform does). Refuses, naming the entry,
// absolute paths, `..` components, links pointing outside `destination`, and entries other than
// files, directories and links. File modes are kept (without set-id bits); owners are not.
std::expected<void, std::string> unpack_archive(const std::filesystem::path& archive,
                                                const std::filesystem::path& destination);

}  // namespace plinth
