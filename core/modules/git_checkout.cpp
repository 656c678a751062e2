#include "core/modules/git_checkout.h"

#include <sstream>
#include <vector>

#include <fmt/format.h>

#include "core/process.h"

namespace plinth {

namespace {

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
    return text;
}

// Runs git with `arguments`; its stdout, or a message with what it said on stderr.
std::expected<std::string, std::string> run_git(std::vector<std::string> arguments) {
    ProcessRequest request;
    request.argv = {"git"};
    request.argv.insert(request.argv.end(), arguments.begin(), arguments.end());
    request.environment = {{"GIT_TERMINAL_PROMPT", "0"}, {"LC_ALL", "C"}};
    auto result = run_process(request);
    if (!result) return std::unexpected(fmt::format("{} (is git installed?)", result.error()));
    if (!result->succeeded()) {
        std::string said = trimmed(result->stderr_text);
        return std::unexpected(fmt::format("git {} {}{}{}", arguments.front(), describe_exit(*result),
                                           said.empty() ? "" : ": ", said));
    }
    return result->stdout_text;
}

// git arguments that act on the clone at `clone` and on nothing above it.
std::vector<std::string> in_clone(const std::filesystem::path& clone, std::vector<std::string> arguments) {
    std::vector<std::string> full{"--git-dir=" + (clone / ".git").string(), "--work-tree=" + clone.string()};
    full.insert(full.end(), arguments.begin(), arguments.end());
    return full;
}

// The commit `name` designates in the clone, or null.
std::optional<std::string> commit_of(const std::filesystem::path& clone, const std::string& name) {
    auto commit = run_git(in_clone(clone, {"rev-parse", "--verify", "--quiet", "--end-of-options", name + "^{commit}"}));
    if (!commit) return std::nullopt;
    return trimmed(*commit);
}

std::expected<std::string, std::string> commit_for_ref(const std::filesystem::path& clone, const std::string& ref) {
    for (const std::string& candidate : {"refs/tags/" + ref, "refs/remotes/origin/" + ref, ref})
        if (auto commit = commit_of(clone, candidate)) return *commit;
    return std::unexpected(fmt::format("the repository has no tag, branch or commit \"{}\"", ref));
}

std::expected<std::string, std::string> commit_for_version(const std::filesystem::path& clone,
                                                           const GitRevision& revision) {
    auto listing = run_git(in_clone(clone, {"tag", "--list"}));
    if (!listing) return std::unexpected(listing.error());
    std::vector<std::string> tags;
    std::istringstream lines(*listing);
    for (std::string line; std::getline(lines, line);)
        if (parse_semver(line)) tags.push_back(line);
    auto tag = highest_allowed_tag(tags, *revision.version);
    if (!tag) {
        std::string known;
        for (const auto& name : tags) known += (known.empty() ? "" : ", ") + name;
        return std::unexpected(fmt::format("no tag satisfies version \"{}\" (version tags: {})", revision.version_text,
                                           known.empty() ? "none" : known));
    }
    return commit_for_ref(clone, *tag);
}

std::expected<std::string, std::string> commit_to_check_out(const std::filesystem::path& clone,
                                                            const GitRevision& revision) {
    if (!revision.commit.empty()) {
        if (auto commit = commit_of(clone, revision.commit)) return *commit;
        return std::unexpected(fmt::format("the repository no longer has the locked commit {}", revision.commit));
    }
    if (!revision.ref.empty()) return commit_for_ref(clone, revision.ref);
    if (revision.version) return commit_for_version(clone, revision);
    if (auto head = commit_of(clone, "HEAD")) return *head;
    return std::unexpected("the repository has no commit on its default branch");
}

}  // namespace

std::expected<std::string, std::string> git_clone_at(const std::string& url, const GitRevision& revision,
                                                     const std::filesystem::path& destination) {
    if (auto cloned = run_git({"clone", "--quiet", "--no-checkout", "--", url, destination.string()}); !cloned)
        return std::unexpected(cloned.error());
    auto commit = commit_to_check_out(destination, revision);
    if (!commit) return commit;
    if (auto checked_out = run_git(in_clone(destination, {"checkout", "--quiet", "--detach", *commit, "--"}));
        !checked_out)
        return std::unexpected(checked_out.error());
    return commit;
}

std::optional<std::string> git_clean_head(const std::filesystem::path& clone) {
    std::error_code error;
    if (!std::filesystem::is_directory(clone / ".git", error)) return std::nullopt;
    auto status = run_git(in_clone(clone, {"status", "--porcelain", "--untracked-files=all"}));
    if (!status || !status->empty()) return std::nullopt;
    return commit_of(clone, "HEAD");
}

}  // namespace plinth
