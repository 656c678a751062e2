// core/modules/lock_file.h: plinth.lock.yaml, written by `plinth init` and committed with the
// stack. It pins each remote module, by its key (the dotted call path), to what was fetched: the
// git commit or the sha256 of the downloaded archive, beside the source and version it came from.
#pragma once

#include <expected>
#include <map>
#include <string>
#include <string_view>

#include "core/diagnostics.h"

namespace plinth {

inline constexpr std::string_view k_lock_file_name = "plinth.lock.yaml";

struct LockEntry {
    std::string source;   // the module call's evaluated `source`
    std::string version;  // the module call's `version` as written; empty when not given
    std::string commit;   // git sources only: the commit checked out, in hex
    std::string sha256;   // archive sources only: SHA-256 of the downloaded archive, in hex

    bool operator==(const LockEntry& other) const = default;
};

struct LockFile {
    std::map<std::string, LockEntry> modules;  // by module key: "net", "net.sub"

    bool operator==(const LockFile& other) const = default;
};

// Parses a lock file's text; `path` is where it was read, for diagnostics. Each entry needs a
// source that is a git repository (with `commit`) or an archive (with `sha256`).
std::expected<LockFile, Diagnostic> parse_lock_file(const std::string& text, const std::string& path);

// The text of a lock file: a header comment saying what it is, then the modules in key order,
// each with source, version (when given), then commit or sha256. Equal locks give equal text.
std::string render_lock_file(const LockFile& lock);

}  // namespace plinth
