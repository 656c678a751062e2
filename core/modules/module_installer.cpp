#include "core/modules/module_installer.h"

#include <cstdlib>
#include <utility>

#include <fmt/format.h>

#include "core/digest.h"
#include "core/modules/archive_unpack.h"
#include "core/modules/git_checkout.h"
#include "core/modules/http_download.h"
#include "core/state/atomic_file.h"

namespace plinth {

namespace {

namespace fs = std::filesystem;

// A fresh directory under `parent`, removed with its content when this goes out of scope.
class ScratchDir {
public:
    static std::expected<ScratchDir, std::string> create(const fs::path& parent) {
        std::error_code error;
        fs::create_directories(parent, error);
        std::string pattern = (parent / ".tmp-XXXXXX").string();
        if (error || ::mkdtemp(pattern.data()) == nullptr)
            return std::unexpected(fmt::format("cannot create a directory in {}", parent.string()));
        return ScratchDir(pattern);
    }
    ScratchDir(ScratchDir&& other) noexcept : m_path(std::exchange(other.m_path, {})) {}
    ScratchDir& operator=(ScratchDir&&) = delete;
    ~ScratchDir() {
        std::error_code ignored;
        if (!m_path.empty()) fs::remove_all(m_path, ignored);
    }
    const fs::path& path() const { return m_path; }

private:
    explicit ScratchDir(fs::path path) : m_path(std::move(path)) {}
    fs::path m_path;
};

std::expected<std::string, std::string> sha256_of_file(const fs::path& path) {
    auto content = read_whole_file(path);
    if (!content) return std::unexpected(content.error());
    if (!*content) return std::unexpected(fmt::format("{} does not exist", path.string()));
    return sha256_hex(**content);
}

// Replaces `target` (file or directory) with `replacement`.
std::expected<void, std::string> move_into_place(const fs::path& replacement, const fs::path& target) {
    std::error_code error;
    fs::create_directories(target.parent_path(), error);
    fs::remove_all(target, error);
    if (!error) fs::rename(replacement, target, error);
    if (error) return std::unexpected(fmt::format("cannot write {}: {}", target.string(), error.message()));
    return {};
}

std::string describe(const LockEntry& entry) {
    if (entry.version.empty()) return fmt::format("\"{}\"", entry.source);
    return fmt::format("\"{}\" (version \"{}\")", entry.source, entry.version);
}

}  // namespace

ModuleInstaller::ModuleInstaller(fs::path root_dir, InstallMode mode, LockFile lock)
    : m_root(std::move(root_dir)), m_mode(mode), m_lock(std::move(lock)) {}

std::expected<ModuleInstaller, Diagnostic> ModuleInstaller::open(fs::path root_dir, InstallMode mode) {
    fs::path path = root_dir / k_lock_file_name;
    auto text = read_whole_file(path);
    if (!text) return std::unexpected(make_error(fmt::format("cannot read {}", path.string()), text.error()));
    LockFile lock;
    if (*text) {
        auto parsed = parse_lock_file(**text, path.string());
        if (!parsed) return std::unexpected(parsed.error());
        lock = std::move(*parsed);
    }
    return ModuleInstaller(std::move(root_dir), mode, std::move(lock));
}

fs::path ModuleInstaller::cache_entry(const std::string& key) const { return m_root / ".plinth" / "modules" / key; }

// Archives are kept beside the trees, in a folder no module key can name (keys never start with '.').
fs::path ModuleInstaller::archive_file(const std::string& key) const {
    return m_root / ".plinth" / "modules" / ".archives" / key;
}

std::expected<fs::path, Diagnostic> ModuleInstaller::resolve(const std::string& key, const std::string& source,
                                                              const std::string& version, const fs::path& caller_dir,
                                                              const SourceLocation& at) {
    auto error = [&](std::string summary, std::string detail) {
        return std::unexpected(make_error(std::move(summary), std::move(detail), at));
    };
    if (key.empty() || key.front() == '.' || key.find('/') != std::string::npos)
        return error(fmt::format("invalid module key \"{}\"", key), "a key is the dotted path of module call names");
    auto parsed = parse_module_source(source);
    if (!parsed) return error(fmt::format("invalid source of module \"{}\"", key), parsed.error());
    if (!version.empty() && parsed->kind != ModuleSource::Kind::Git)
        return error(fmt::format("module \"{}\" cannot have a version", key),
                     fmt::format("`version` selects a version tag of a git repository; \"{}\" is a {}", source,
                                 parsed->kind == ModuleSource::Kind::Local ? "local path" : "archive pinned by its "
                                                                                            "sha256 in the lock file"));
    if (!version.empty() && !parsed->ref.empty())
        return error(fmt::format("module \"{}\" has both `?ref=` and a version", key),
                     "give either a ref in the source or a version constraint, not both");
    if (auto constraint = VersionConstraint::parse(version); !version.empty() && !constraint)
        return error(fmt::format("invalid version of module \"{}\"", key), constraint.error());

    if (parsed->kind == ModuleSource::Kind::Local) {
        fs::path directory = (caller_dir / parsed->url).lexically_normal();
        std::error_code ignored;
        if (!fs::is_directory(directory, ignored))
            return error(fmt::format("module \"{}\": directory {} not found", key, directory.string()),
                         fmt::format("the source \"{}\" is relative to {}", source, caller_dir.string()));
        return directory;
    }
    LockEntry wanted{source, version, {}, {}};
    if (auto seen = m_resolved.find(key); seen != m_resolved.end()) {
        if (seen->second.entry.source == source && seen->second.entry.version == version) return seen->second.directory;
        return error(fmt::format("module \"{}\" is called with two sources", key),
                     fmt::format("{} and {}", describe(seen->second.entry), describe(wanted)));
    }
    auto fetched = resolve_remote(key, *parsed, wanted, at);
    if (!fetched) return std::unexpected(fetched.error());
    return m_resolved.emplace(key, std::move(*fetched)).first->second.directory;
}

std::expected<ModuleInstaller::Fetched, Diagnostic> ModuleInstaller::resolve_remote(const std::string& key,
                                                                                    const ModuleSource& source,
                                                                                    const LockEntry& wanted,
                                                                                    const SourceLocation& at) {
    auto error = [&](std::string summary, std::string detail) {
        return std::unexpected(make_error(std::move(summary), std::move(detail), at));
    };
    auto found = m_lock.modules.find(key);
    const LockEntry* locked = found == m_lock.modules.end() ? nullptr : &found->second;
    bool same = locked != nullptr && locked->source == wanted.source && locked->version == wanted.version;
    LockEntry entry;
    if (m_mode == InstallMode::UseInstalled) {
        if (locked == nullptr)
            return error(fmt::format("module \"{}\" is not installed", key),
                         fmt::format("{} has no entry for it; run `plinth init` to fetch {}", k_lock_file_name,
                                     describe(wanted)));
        if (!same)
            return error(fmt::format("module \"{}\" changed since `plinth init`", key),
                         fmt::format("the lock file has {}, the call now says {}; run `plinth init --upgrade` to "
                                     "fetch and lock it",
                                     describe(*locked), describe(wanted)));
        std::error_code ignored;
        if (!fs::exists(cache_entry(key), ignored))
            return error(fmt::format("module \"{}\" is not installed", key),
                         fmt::format("{} is missing; run `plinth init` to fetch {}", cache_entry(key).string(),
                                     describe(*locked)));
        if (!cache_matches(key, *locked))
            return error(fmt::format("module \"{}\" in {} does not match the lock file", key,
                                     cache_entry(key).string()),
                         fmt::format("it should hold {} {} of {}; run `plinth init` to fetch it again",
                                     locked->commit.empty() ? "the archive with sha256" : "commit",
                                     locked->commit.empty() ? locked->sha256 : locked->commit, describe(*locked)));
        entry = *locked;
    } else if (m_mode == InstallMode::Install && same && cache_matches(key, *locked)) {
        entry = *locked;
    } else {
        auto fetched = fetch(key, source, wanted, m_mode == InstallMode::Install && same ? locked : nullptr);
        if (!fetched) return error(fmt::format("cannot fetch module \"{}\" from {}", key, describe(wanted)), fetched.error());
        entry = std::move(*fetched);
    }
    fs::path directory = cache_entry(key) / source.subdir;
    std::error_code ignored;
    if (!fs::is_directory(directory, ignored))
        return error(fmt::format("module \"{}\": {} has no directory \"{}\"", key, describe(wanted), source.subdir),
                     "the part of the source after `//` names a directory inside the repository or archive");
    return Fetched{std::move(entry), directory.lexically_normal()};
}

std::expected<LockEntry, std::string> ModuleInstaller::fetch(const std::string& key, const ModuleSource& source,
                                                              const LockEntry& wanted, const LockEntry* locked) {
    auto scratch = ScratchDir::create(m_root / ".plinth" / "modules");
    if (!scratch) return std::unexpected(scratch.error());
    fs::path tree = scratch->path() / "tree";
    LockEntry entry = wanted;
    if (source.kind == ModuleSource::Kind::Git) {
        GitRevision revision{locked != nullptr ? locked->commit : "", source.ref, std::nullopt, wanted.version};
        if (!wanted.version.empty()) revision.version = VersionConstraint::parse(wanted.version).value();
        auto commit = git_clone_at(source.url, revision, tree);
        if (!commit) return std::unexpected(commit.error());
        if (auto moved = move_into_place(tree, cache_entry(key)); !moved) return std::unexpected(moved.error());
        entry.commit = *commit;
        return entry;
    }
    fs::path download = scratch->path() / "archive";
    if (auto downloaded = http_download(source.url, download); !downloaded) return std::unexpected(downloaded.error());
    auto sha256 = sha256_of_file(download);
    if (!sha256) return std::unexpected(sha256.error());
    if (locked != nullptr && *sha256 != locked->sha256)
        return std::unexpected(fmt::format("the archive changed since it was locked: its sha256 is {}, the lock file "
                                           "has {}; if the change is expected, run `plinth init --upgrade`",
                                           *sha256, locked->sha256));
    std::error_code error;
    fs::create_directory(tree, error);
    if (auto unpacked = unpack_archive(download, tree); !unpacked) return std::unexpected(unpacked.error());
    if (auto moved = move_into_place(tree, cache_entry(key)); !moved) return std::unexpected(moved.error());
    if (auto moved = move_into_place(download, archive_file(key)); !moved) return std::unexpected(moved.error());
    entry.sha256 = *sha256;
    return entry;
}

bool ModuleInstaller::cache_matches(const std::string& key, const LockEntry& locked) const {
    if (!locked.commit.empty()) return git_clean_head(cache_entry(key)) == locked.commit;
    std::error_code ignored;
    if (!fs::is_directory(cache_entry(key), ignored)) return false;
    auto sha256 = sha256_of_file(archive_file(key));
    return sha256 && *sha256 == locked.sha256;
}

std::expected<void, Diagnostic> ModuleInstaller::save_lock() {
    if (m_mode == InstallMode::UseInstalled) return {};
    LockFile next;
    for (const auto& [key, fetched] : m_resolved) next.modules[key] = fetched.entry;
    fs::path path = m_root / k_lock_file_name;
    auto current = read_whole_file(path);
    if (!current) return std::unexpected(make_error(fmt::format("cannot read {}", path.string()), current.error()));
    std::string text = render_lock_file(next);
    if (*current ? **current == text : next.modules.empty()) return {};
    if (auto written = write_file_atomically(path, text); !written)
        return std::unexpected(make_error(fmt::format("cannot write {}", path.string()), written.error()));
    m_lock = std::move(next);
    return {};
}

}  // namespace plinth
