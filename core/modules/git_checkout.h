// core/modules/git_checkout.h: fetching a module from a git repository with the `git` command
// (an argv, never a shell; GIT_TERMINAL_PROMPT=0 so that a missing credential fails instead of
// waiting for input), and reading back what a clone in the module cache holds.
#pragma once

#include <expected>
#include <filesystem>
#include <optional>
#include <string>

#include "core/modules/version_constraint.h"

namespace plinth {

// What to check out, in order of precedence: a commit (from the lock file), a ref (tag, branch or
// commit from `?ref=`), the highest tag a version constraint allows, or the default branch.
struct GitRevision {
    std::string commit;
    std::string ref;
    std::optional<VersionConstraint> version;
    std::string version_text;  // the constraint as written, for messages
};

// Clones `url` into `destination` (which must not exist yet) and checks out `revision`, detached.
// Returns the commit checked out (full hex id), or a message quoting git's own error.
std::expected<std::string, std::string> git_clone_at(const std::string& url, const GitRevision& revision,
                                                     const std::filesystem::path& destination);

// The commit checked out in the clone at `clone` when its working tree has no change, no
// untracked file and no missing file; null when it is not a clone or is not clean.
std::optional<std::string> git_clean_head(const std::filesystem::path& clone);

}  // namespace plinth
