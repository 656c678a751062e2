// core/modules/module_installer.h: from a module call's `source` and `version` to the directory
// holding the module. Remote modules (git, archive) are fetched into the cache
// <root>/.plinth/modules/<key>/ and pinned in <root>/plinth.lock.yaml; later runs verify the cache
// against the lock without touching the network. Local modules are plain directories. One
// installer serves one run, from one thread.
#pragma once

#include <expected>
#include <filesystem>
#include <map>
#include <string>

#include "core/diagnostics.h"
#include "core/modules/lock_file.h"
#include "core/modules/module_source.h"

namespace plinth {

enum class InstallMode {
    UseInstalled,  // plan, apply, ...: no network; the cache must hold exactly what the lock says
    Install,       // `plinth init`: fetch what is missing or differs, at the locked revision if any
    Upgrade,       // `plinth init --upgrade`: fetch everything anew and lock the new revisions
};

class ModuleInstaller {
public:
    // Reads <root_dir>/plinth.lock.yaml if present; an error when it is malformed.
    static std::expected<ModuleInstaller, Diagnostic> open(std::filesystem::path root_dir, InstallMode mode);

    // The directory holding the module called at `key` (the dotted call path: "net", "net.sub"),
    // from `source` (already evaluated text) and `version` ("" when not given). Local sources
    // resolve against `caller_dir` (the calling stack's directory) and touch neither cache nor
    // lock. `version` is a constraint on a git repository's version tags; it is an error for
    // other sources and beside `?ref=`. Errors point at `at`, the module call, and name the key
    // and the source. Resolving a key again with the same source and version gives the same
    // directory without fetching again.
    std::expected<std::filesystem::path, Diagnostic> resolve(const std::string& key, const std::string& source,
                                                             const std::string& version,
                                                             const std::filesystem::path& caller_dir,
                                                             const SourceLocation& at);

    // In Install and Upgrade modes, writes plinth.lock.yaml atomically with exactly the remote
    // modules resolved in this run, when that differs from the file. Nothing in UseInstalled mode.
    std::expected<void, Diagnostic> save_lock();

private:
    ModuleInstaller(std::filesystem::path root_dir, InstallMode mode, LockFile lock);

    struct Fetched {
        LockEntry entry;
        std::filesystem::path directory;  // the module's directory (the cache entry plus subdir)
    };
    std::expected<Fetched, Diagnostic> resolve_remote(const std::string& key, const ModuleSource& source,
                                                      const LockEntry& wanted, const SourceLocation& at);
    // Fetches into the cache: at `locked`'s revision when given, else as `source` and the
    // version constraint in `wanted` say. Returns `wanted` with the commit or sha256 fetched.
    std::expected<LockEntry, std::string> fetch(const std::string& key, const ModuleSource& source,
                                                const LockEntry& wanted, const LockEntry* locked);
    // True when the cache entry of `key` holds exactly what `locked` pins.
    bool cache_matches(const std::string& key, const LockEntry& locked) const;
    std::filesystem::path cache_entry(const std::string& key) const;
    std::filesystem::path archive_file(const std::string& key) const;

    std::filesystem::path m_root;
    InstallMode m_mode;
    LockFile m_lock;                           // as read from the file
    std::map<std::string, Fetched> m_resolved;  // remote modules resolved in this run, by key
};

}  // namespace plinth
