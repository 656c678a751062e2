#include <catch2/catch.hpp>

#include "../../providers/temp_dir.h"
#include "core/modules/module_installer.h"
#include "module_test_support.h"

using namespace plinth;
using plinth::testing::git;
using plinth::testing::slurp;
using plinth::testing::spit;
using plinth::testing::TempDir;

namespace fs = std::filesystem;

namespace {

const SourceLocation k_git_call{"stack.yaml", 4, 3};

// A repository with tags v1.0.0, v1.1.0 and 2.0.0; net/main.yaml says which version it is.
class Repository {
public:
    Repository() {
        fs::create_directories(path() / "net");
        git(path(), {"init", "--quiet", "--initial-branch=main"});
        for (std::string version : {"1.0.0", "1.1.0", "2.0.0"}) {
            spit((path() / "net" / "main.yaml").string(), "stack: net\ndescription: version " + version + "\n");
            git(path(), {"add", "--all"});
            git(path(), {"commit", "--quiet", "-m", "version " + version});
            git(path(), {"tag", version == "2.0.0" ? version : "v" + version});
        }
    }
    fs::path path() const { return m_dir.path() / "repo"; }
    std::string url() const { return "git::file://" + path().string(); }
    std::string commit_of(const std::string& name) const {
        std::string commit = git(path(), {"rev-parse", name + "^{commit}"});
        return commit.substr(0, commit.find('\n'));
    }

private:
    TempDir m_dir;
};

ModuleInstaller open_installer(const TempDir& stack, InstallMode mode) {
    auto installer = ModuleInstaller::open(stack.path(), mode);
    REQUIRE(installer);
    return std::move(*installer);
}

fs::path resolved(ModuleInstaller& installer, const TempDir& stack, const std::string& key, const std::string& source,
                  const std::string& version = "") {
    auto directory = installer.resolve(key, source, version, stack.path(), k_git_call);
    INFO((directory ? "" : format_diagnostic(directory.error())));
    REQUIRE(directory);
    return *directory;
}

Diagnostic failure(ModuleInstaller& installer, const TempDir& stack, const std::string& key, const std::string& source,
                   const std::string& version = "") {
    auto directory = installer.resolve(key, source, version, stack.path(), k_git_call);
    REQUIRE_FALSE(directory);
    CHECK(directory.error().location.to_string() == "stack.yaml:4:3");
    return directory.error();
}

LockFile saved_lock(const TempDir& stack) {
    auto lock = parse_lock_file(slurp(stack.file("plinth.lock.yaml")), "plinth.lock.yaml");
    REQUIRE(lock);
    return *lock;
}

}  // namespace

TEST_CASE("module_installer: git by ref and by version constraint, locked by commit") {
    Repository repo;
    TempDir stack;
    ModuleInstaller installer = open_installer(stack, InstallMode::Install);

    fs::path net = resolved(installer, stack, "net", repo.url() + "//net?ref=v1.0.0");
    CHECK(net == stack.path() / ".plinth/modules/net/net");
    CHECK(slurp((net / "main.yaml").string()) == "stack: net\ndescription: version 1.0.0\n");
    fs::path pinned = resolved(installer, stack, "net.sub", repo.url() + "//net", "~> 1.0");
    CHECK(slurp((pinned / "main.yaml").string()) == "stack: net\ndescription: version 1.1.0\n");
    fs::path newest = resolved(installer, stack, "top", repo.url(), ">= 1.0");
    CHECK(slurp((newest / "net/main.yaml").string()) == "stack: net\ndescription: version 2.0.0\n");
    CHECK(resolved(installer, stack, "net", repo.url() + "//net?ref=v1.0.0") == net);

    REQUIRE(installer.save_lock());
    LockFile lock = saved_lock(stack);
    REQUIRE(lock.modules.size() == 3);
    CHECK(lock.modules["net"] == LockEntry{repo.url() + "//net?ref=v1.0.0", "", repo.commit_of("v1.0.0"), ""});
    CHECK(lock.modules["net.sub"] == LockEntry{repo.url() + "//net", "~> 1.0", repo.commit_of("v1.1.0"), ""});
    CHECK(lock.modules["top"].commit == repo.commit_of("2.0.0"));
}

TEST_CASE("module_installer: UseInstalled verifies the cache without the repository, and refuses a tampered one") {
    TempDir stack;
    std::string source;
    {
        Repository repo;
        source = repo.url() + "//net?ref=v1.1.0";
        ModuleInstaller installer = open_installer(stack, InstallMode::Install);
        resolved(installer, stack, "net", source);
        REQUIRE(installer.save_lock());
    }  // the repository is gone: using the installed module must not need it

    ModuleInstaller offline = open_installer(stack, InstallMode::UseInstalled);
    fs::path net = resolved(offline, stack, "net", source);
    CHECK(slurp((net / "main.yaml").string()) == "stack: net\ndescription: version 1.1.0\n");
    CHECK(offline.save_lock());

    spit((net / "main.yaml").string(), "stack: net\ndescription: edited\n");
    ModuleInstaller after_edit = open_installer(stack, InstallMode::UseInstalled);
    Diagnostic edited = failure(after_edit, stack, "net", source);
    CHECK(edited.summary == "module \"net\" in " + (stack.path() / ".plinth/modules/net").string() +
                                " does not match the lock file");
    CHECK_THAT(edited.detail, Catch::Contains("run `plinth init`"));

    git(stack.path() / ".plinth/modules/net", {"checkout", "--quiet", "--", "."});
    CHECK(resolved(after_edit, stack, "net", source) == net);
    ModuleInstaller after_checkout = open_installer(stack, InstallMode::UseInstalled);
    git(stack.path() / ".plinth/modules/net", {"checkout", "--quiet", "v1.0.0"});
    Diagnostic moved = failure(after_checkout, stack, "net", source);
    CHECK_THAT(moved.summary, Catch::Contains("does not match the lock file"));

    fs::remove_all(stack.path() / ".plinth");
    Diagnostic removed = failure(after_checkout, stack, "net", source);
    CHECK(removed.summary == "module \"net\" is not installed");
    CHECK_THAT(removed.detail, Catch::Contains("is missing; run `plinth init` to fetch \"" + source + "\""));
}

TEST_CASE("module_installer: UseInstalled asks for init when the lock lacks or differs from the call") {
    Repository repo;
    TempDir stack;
    ModuleInstaller nothing_installed = open_installer(stack, InstallMode::UseInstalled);
    Diagnostic missing = failure(nothing_installed, stack, "net", repo.url());
    CHECK(missing.summary == "module \"net\" is not installed");
    CHECK_THAT(missing.detail, Catch::Contains("run `plinth init` to fetch \"" + repo.url() + "\""));

    ModuleInstaller installer = open_installer(stack, InstallMode::Install);
    resolved(installer, stack, "net", repo.url(), "~> 1.0");
    REQUIRE(installer.save_lock());
    ModuleInstaller offline = open_installer(stack, InstallMode::UseInstalled);
    Diagnostic changed = failure(offline, stack, "net", repo.url(), "~> 2.0");
    CHECK(changed.summary == "module \"net\" changed since `plinth init`");
    CHECK_THAT(changed.detail, Catch::Contains("(version \"~> 1.0\")"));
    CHECK_THAT(changed.detail, Catch::Contains("`plinth init --upgrade`"));
}

TEST_CASE("module_installer: Install keeps the locked commit, Upgrade moves to the newest allowed tag") {
    Repository repo;
    TempDir stack;
    std::string source = repo.url() + "//net";
    ModuleInstaller first = open_installer(stack, InstallMode::Install);
    resolved(first, stack, "net", source, "~> 1.0");
    REQUIRE(first.save_lock());
    std::string before = slurp(stack.file("plinth.lock.yaml"));

    spit((repo.path() / "net/main.yaml").string(), "stack: net\ndescription: version 1.2.0\n");
    git(repo.path(), {"commit", "--quiet", "--all", "-m", "version 1.2.0"});
    git(repo.path(), {"tag", "v1.2.0"});
    fs::remove_all(stack.path() / ".plinth");

    ModuleInstaller again = open_installer(stack, InstallMode::Install);
    fs::path net = resolved(again, stack, "net", source, "~> 1.0");
    CHECK(slurp((net / "main.yaml").string()) == "stack: net\ndescription: version 1.1.0\n");
    REQUIRE(again.save_lock());
    CHECK(slurp(stack.file("plinth.lock.yaml")) == before);

    ModuleInstaller upgrade = open_installer(stack, InstallMode::Upgrade);
    net = resolved(upgrade, stack, "net", source, "~> 1.0");
    CHECK(slurp((net / "main.yaml").string()) == "stack: net\ndescription: version 1.2.0\n");
    REQUIRE(upgrade.save_lock());
    CHECK(saved_lock(stack).modules["net"].commit == repo.commit_of("v1.2.0"));
}

TEST_CASE("module_installer: save_lock keeps only the modules resolved in the run") {
    Repository repo;
    TempDir stack;
    ModuleInstaller first = open_installer(stack, InstallMode::Install);
    resolved(first, stack, "net", repo.url());
    resolved(first, stack, "old", repo.url() + "?ref=v1.0.0");
    REQUIRE(first.save_lock());
    CHECK(saved_lock(stack).modules.size() == 2);
    CHECK(saved_lock(stack).modules["net"].commit == repo.commit_of("main"));

    ModuleInstaller second = open_installer(stack, InstallMode::Install);
    resolved(second, stack, "net", repo.url());
    REQUIRE(second.save_lock());
    CHECK(saved_lock(stack).modules.size() == 1);
}

TEST_CASE("module_installer: git failures name the module, the source and the cause") {
    Repository repo;
    TempDir stack;
    ModuleInstaller installer = open_installer(stack, InstallMode::Install);
    Diagnostic bad_ref = failure(installer, stack, "net", repo.url() + "?ref=v9.9.9");
    CHECK(bad_ref.summary == "cannot fetch module \"net\" from \"" + repo.url() + "?ref=v9.9.9\"");
    CHECK(bad_ref.detail == "the repository has no tag, branch or commit \"v9.9.9\"");

    Diagnostic no_tag = failure(installer, stack, "net", repo.url(), "> 3");
    CHECK(no_tag.detail == "no tag satisfies version \"> 3\" (version tags: 2.0.0, v1.0.0, v1.1.0)");

    Diagnostic no_repo = failure(installer, stack, "net", "git::file:///no/such/repo");
    CHECK_THAT(no_repo.detail, Catch::Contains("git clone exited with status 128"));
    CHECK_THAT(no_repo.detail, Catch::Contains("/no/such/repo"));

    CHECK(fs::is_empty(stack.path() / ".plinth/modules"));
    Diagnostic no_subdir = failure(installer, stack, "net", repo.url() + "//nothing");
    CHECK_THAT(no_subdir.summary, Catch::Contains("has no directory \"nothing\""));

    CHECK_THAT(failure(installer, stack, "net", repo.url() + "?ref=v1.0.0", "1.0.0").summary,
               Catch::Contains("both `?ref=` and a version"));
    CHECK_THAT(failure(installer, stack, "net", repo.url(), "latest").detail,
               Catch::Contains("invalid version constraint \"latest\""));
}

TEST_CASE("module_installer: local sources resolve against the caller, with no cache and no lock") {
    TempDir stack;
    fs::create_directories(stack.path() / "modules/net");
    ModuleInstaller installer = open_installer(stack, InstallMode::Install);
    fs::path caller = stack.path() / "modules/app";
    auto net = installer.resolve("app.net", "../net", "", caller, k_git_call);
    REQUIRE(net);
    CHECK(*net == stack.path() / "modules/net");
    REQUIRE(installer.save_lock());
    CHECK_FALSE(fs::exists(stack.path() / ".plinth"));
    CHECK_FALSE(fs::exists(stack.file("plinth.lock.yaml")));

    Diagnostic missing = failure(installer, stack, "net", "./nowhere");
    CHECK(missing.summary == "module \"net\": directory " + (stack.path() / "nowhere").string() + " not found");
    CHECK_THAT(failure(installer, stack, "net", "./modules/net", "1.0.0").summary,
               Catch::Contains("cannot have a version"));
    CHECK(failure(installer, stack, "../net", "./modules/net").summary == "invalid module key \"../net\"");
    Diagnostic unknown = failure(installer, stack, "net", "net");
    CHECK(unknown.summary == "invalid source of module \"net\"");
    CHECK_THAT(unknown.detail, Catch::Contains("a module source is a local path"));
}
