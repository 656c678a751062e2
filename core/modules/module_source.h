// core/modules/module_source.h: the `source` of a module call, parsed: a local directory, a git
// repository, or an archive fetched over HTTP(S); with the optional `//subdir` inside the
// repository or archive and a git `?ref=`.
#pragma once

#include <expected>
#include <string>
#include <string_view>

namespace plinth {

struct ModuleSource {
    enum class Kind { Local, Git, Archive };
    Kind kind = Kind::Local;
    // Local: the path as written ("./net"); Git: the repository URL (https://, http://, ssh://,
    // file:// or scp-like user@host:path); Archive: the http(s):// URL of a .tar.gz, .tgz,
    // .tar.bz2, .tar.xz or .zip, with its query string if any.
    std::string url;
    std::string subdir;  // after `//`, without leading or trailing '/'; never holds ".."; may be empty
    std::string ref;     // git `?ref=` (tag, branch or commit); may be empty
};

// "./net", "../shared/net" (Local); "git::https://host/org/repo.git//subdir?ref=v1.2.0",
// "git::file:///abs/repo", "git::ssh://git@host/repo.git", "git::git@host:org/repo.git" (Git);
// "https://host/site.tar.gz//subdir" (Archive). Anything else: a message saying which forms exist.
std::expected<ModuleSource, std::string> parse_module_source(std::string_view text);

}  // namespace plinth
