#include "core/modules/archive_unpack.h"

#include <memory>

#include <archive.h>
#include <archive_entry.h>
#include <fmt/format.h>

namespace plinth {

namespace {

namespace fs = std::filesystem;

struct ReaderFree {
    void operator()(archive* reader) const { archive_read_free(reader); }
};
struct WriterFree {
    void operator()(archive* writer) const { archive_write_free(writer); }
};
using Reader = std::unique_ptr<archive, ReaderFree>;
using Writer = std::unique_ptr<archive, WriterFree>;

constexpr std::size_t k_block_size = 65536;

std::string error_of(archive* handle) {
    const char* text = archive_error_string(handle);
    return text != nullptr ? text : "unknown error";
}

// A path inside the archive that stays inside it: relative, with no `..`.
bool stays_inside(const fs::path& path) {
    if (path.is_absolute() || path.has_root_name()) return false;
    for (const auto& part : path)
        if (part == "..") return false;
    return true;
}

// A symbolic link at `entry` pointing at `target` lands inside the archive's root.
bool link_stays_inside(const fs::path& entry, const fs::path& target) {
    if (target.is_absolute()) return false;
    fs::path resolved = (entry.parent_path() / target).lexically_normal();
    return resolved.empty() || *resolved.begin() != "..";
}

// Checks one entry and points it at its place under `destination`; an error naming it otherwise.
// Sets `skip` for the archive's root itself ("." or "./").
std::expected<void, std::string> place_entry(archive_entry* entry, const fs::path& destination, bool& skip) {
    const char* raw = archive_entry_pathname(entry);
    if (raw == nullptr) return std::unexpected("an entry has no readable name");
    fs::path name(raw);
    std::string shown(raw);
    if (!stays_inside(name)) return std::unexpected(fmt::format("entry \"{}\" would be written outside the module", shown));
    fs::path relative = name.lexically_normal();
    skip = relative.empty() || relative == "." || relative == "./";
    const char* hardlink = archive_entry_hardlink(entry);
    mode_t type = archive_entry_filetype(entry);
    if (hardlink != nullptr) {
        if (!stays_inside(hardlink))
            return std::unexpected(fmt::format("entry \"{}\" links to \"{}\", outside the module", shown, hardlink));
        archive_entry_set_hardlink(entry, (destination / hardlink).c_str());
    } else if (type == AE_IFLNK) {
        const char* target = archive_entry_symlink(entry);
        if (target == nullptr || !link_stays_inside(relative, target))
            return std::unexpected(fmt::format("entry \"{}\" is a symbolic link to \"{}\", outside the module", shown,
                                               target != nullptr ? target : ""));
    } else if (type != AE_IFREG && type != AE_IFDIR) {
        return std::unexpected(fmt::format("entry \"{}\" is neither a file, a directory nor a link", shown));
    }
    archive_entry_set_pathname(entry, (destination / relative).c_str());
    archive_entry_set_perm(entry, archive_entry_perm(entry) & 0777);
    return {};
}

std::expected<void, std::string> copy_data(archive* reader, archive* writer) {
    const void* block = nullptr;
    std::size_t size = 0;
    la_int64_t offset = 0;
    while (true) {
        int status = archive_read_data_block(reader, &block, &size, &offset);
        if (status == ARCHIVE_EOF) return {};
        if (status < ARCHIVE_WARN) return std::unexpected(error_of(reader));
        if (archive_write_data_block(writer, block, size, offset) < ARCHIVE_WARN)
            return std::unexpected(error_of(writer));
    }
}

std::unexpected<std::string> unreadable(archive* reader) {
    return std::unexpected(
        fmt::format("not a readable .tar.gz, .tgz, .tar.bz2, .tar.xz or .zip archive: {}", error_of(reader)));
}

std::expected<Reader, std::string> open_reader(const fs::path& path) {
    Reader reader(archive_read_new());
    archive_read_support_filter_gzip(reader.get());
    archive_read_support_filter_bzip2(reader.get());
    archive_read_support_filter_xz(reader.get());
    archive_read_support_format_tar(reader.get());
    archive_read_support_format_zip(reader.get());
    if (archive_read_open_filename(reader.get(), path.c_str(), k_block_size) != ARCHIVE_OK)
        return unreadable(reader.get());
    return reader;
}

}  // namespace

std::expected<void, std::string> unpack_archive(const fs::path& archive_path, const fs::path& destination) {
    auto opened = open_reader(archive_path);
    if (!opened) return std::unexpected(opened.error());
    Reader reader = std::move(*opened);
    Writer writer(archive_write_disk_new());
    archive_write_disk_set_options(writer.get(), ARCHIVE_EXTRACT_TIME | ARCHIVE_EXTRACT_SECURE_SYMLINKS |
                                                     ARCHIVE_EXTRACT_SECURE_NODOTDOT);
    while (true) {
        archive_entry* entry = nullptr;
        int status = archive_read_next_header(reader.get(), &entry);
        if (status == ARCHIVE_EOF) break;
        if (status < ARCHIVE_WARN) return unreadable(reader.get());
        bool skip = false;
        if (auto placed = place_entry(entry, destination, skip); !placed) return placed;
        if (skip) continue;
        if (archive_write_header(writer.get(), entry) < ARCHIVE_WARN) return std::unexpected(error_of(writer.get()));
        if (archive_entry_size(entry) > 0)
            if (auto copied = copy_data(reader.get(), writer.get()); !copied) return copied;
        if (archive_write_finish_entry(writer.get()) < ARCHIVE_WARN) return std::unexpected(error_of(writer.get()));
    }
    if (archive_write_close(writer.get()) < ARCHIVE_WARN) return std::unexpected(error_of(writer.get()));
    return {};
}

}  // namespace plinth
