#include <catch2/catch.hpp>

#include "../../providers/temp_dir.h"
#include "core/digest.h"
#include "core/modules/module_installer.h"
#include "../net/http_test_server.h"
#include "module_test_support.h"

using namespace plinth;
using plinth::testing::ArchiveEntry;
using plinth::testing::ArchiveFormat;
using plinth::testing::HttpTestServer;
using plinth::testing::make_archive;
using plinth::testing::slurp;
using plinth::testing::spit;
using plinth::testing::TempDir;

namespace fs = std::filesystem;

namespace {

const SourceLocation k_archive_call{"stack.yaml", 9, 5};

std::string site_archive(ArchiveFormat format, const std::string& title) {
    return make_archive(format, {{"site/", {}, {}},
                                 {"site/main.yaml", "stack: site\ndescription: " + title + "\n", {}},
                                 {"site/pages/", {}, {}},
                                 {"site/pages/index.html", "<h1>" + title + "</h1>\n", {}},
                                 {"README.md", "top level\n", {}}});
}

std::expected<fs::path, Diagnostic> resolve_in(const TempDir& stack, InstallMode mode, const std::string& source) {
    auto installer = ModuleInstaller::open(stack.path(), mode);
    REQUIRE(installer);
    auto directory = installer->resolve("site", source, "", stack.path(), k_archive_call);
    if (directory) REQUIRE(installer->save_lock());
    return directory;
}

fs::path installed(const TempDir& stack, InstallMode mode, const std::string& source) {
    auto directory = resolve_in(stack, mode, source);
    INFO((directory ? "" : format_diagnostic(directory.error())));
    REQUIRE(directory);
    return *directory;
}

Diagnostic refused(const TempDir& stack, InstallMode mode, const std::string& source) {
    auto directory = resolve_in(stack, mode, source);
    REQUIRE_FALSE(directory);
    CHECK(directory.error().location.to_string() == "stack.yaml:9:5");
    return directory.error();
}

std::string locked_sha256(const TempDir& stack) {
    auto lock = parse_lock_file(slurp(stack.file("plinth.lock.yaml")), "plinth.lock.yaml");
    REQUIRE(lock);
    return lock->modules.at("site").sha256;
}

}  // namespace

TEST_CASE("module_installer: a .tar.gz over HTTP, unpacked as is, locked by sha256 and verified offline") {
    TempDir stack;
    std::string archive = site_archive(ArchiveFormat::TarGz, "one");
    std::string source;
    {
        HttpTestServer server;
        server.route("/site.tar.gz", {200, archive, {}});
        source = server.url("/site.tar.gz") + "//site";
        fs::path site = installed(stack, InstallMode::Install, source);
        CHECK(site == stack.path() / ".plinth/modules/site/site");
        CHECK(slurp((site / "pages/index.html").string()) == "<h1>one</h1>\n");
        CHECK(fs::exists(stack.path() / ".plinth/modules/site/README.md"));
        CHECK(locked_sha256(stack) == sha256_hex(archive));
        installed(stack, InstallMode::Install, source);
        CHECK(server.requests() == 1);
    }  // the server is gone: using the installed module must not need it

    fs::path site = installed(stack, InstallMode::UseInstalled, source);
    CHECK(slurp((site / "main.yaml").string()) == "stack: site\ndescription: one\n");

    spit((stack.path() / ".plinth/modules/.archives/site").string(), "tampered");
    Diagnostic tampered = refused(stack, InstallMode::UseInstalled, source);
    CHECK_THAT(tampered.summary, Catch::Contains("does not match the lock file"));
    CHECK_THAT(tampered.detail, Catch::Contains("the archive with sha256 " + sha256_hex(archive)));
    CHECK_THAT(tampered.detail, Catch::Contains("run `plinth init`"));
}

TEST_CASE("module_installer: a changed archive is refused until --upgrade") {
    HttpTestServer server;
    TempDir stack;
    std::string source = server.url("/site.tar.gz") + "//site";
    server.route("/site.tar.gz", {200, site_archive(ArchiveFormat::TarGz, "one"), {}});
    installed(stack, InstallMode::Install, source);
    std::string first = locked_sha256(stack);

    std::string second_archive = site_archive(ArchiveFormat::TarGz, "two");
    server.route("/site.tar.gz", {200, second_archive, {}});
    fs::remove_all(stack.path() / ".plinth");
    Diagnostic changed = refused(stack, InstallMode::Install, source);
    CHECK_THAT(changed.detail, Catch::Contains("the archive changed since it was locked"));
    CHECK_THAT(changed.detail, Catch::Contains(first));
    CHECK(locked_sha256(stack) == first);

    fs::path site = installed(stack, InstallMode::Upgrade, source);
    CHECK(slurp((site / "pages/index.html").string()) == "<h1>two</h1>\n");
    CHECK(locked_sha256(stack) == sha256_hex(second_archive));
}

TEST_CASE("module_installer: a .zip, and redirects are followed") {
    HttpTestServer server;
    TempDir stack;
    std::string archive = site_archive(ArchiveFormat::Zip, "zipped");
    server.route("/files/site-1.0.zip", {200, archive, {}});
    server.route("/site.zip", {302, {}, server.url("/files/site-1.0.zip")});
    fs::path site = installed(stack, InstallMode::Install, server.url("/site.zip") + "//site/pages");
    CHECK(slurp((site / "index.html").string()) == "<h1>zipped</h1>\n");
    CHECK(locked_sha256(stack) == sha256_hex(archive));
}

TEST_CASE("module_installer: HTTP errors and archives that are not archives") {
    HttpTestServer server;
    TempDir stack;
    Diagnostic missing = refused(stack, InstallMode::Install, server.url("/missing.tar.gz"));
    CHECK(missing.summary == "cannot fetch module \"site\" from \"" + server.url("/missing.tar.gz") + "\"");
    CHECK(missing.detail == "the server answered HTTP 404");

    server.route("/page.tar.gz", {200, "<html>sign in</html>", {}});
    CHECK_THAT(refused(stack, InstallMode::Install, server.url("/page.tar.gz")).detail,
               Catch::Contains("not a readable .tar.gz, .tgz, .tar.bz2, .tar.xz or .zip archive"));

    Diagnostic refused_connection = refused(stack, InstallMode::Install, "http://127.0.0.1:1/site.tar.gz");
    CHECK_THAT(refused_connection.detail, Catch::Contains("download failed"));
    CHECK_FALSE(fs::exists(stack.file("plinth.lock.yaml")));
}

TEST_CASE("module_installer: archive entries that would land outside the module are refused") {
    HttpTestServer server;
    TempDir stack;
    struct Case {
        std::string name;
        std::vector<ArchiveEntry> entries;
        std::string problem;
    };
    std::vector<Case> cases{
        {"/dotdot.tar.gz", {{"site/../../escaped.txt", "x", {}}}, "entry \"site/../../escaped.txt\" would be written outside"},
        {"/absolute.tar.gz", {{"/tmp/plinth-escaped.txt", "x", {}}}, "entry \"/tmp/plinth-escaped.txt\" would be written outside"},
        {"/link.tar.gz", {{"site/passwd", {}, "/etc/passwd"}}, "entry \"site/passwd\" is a symbolic link to \"/etc/passwd\""},
        {"/uplink.tar.gz", {{"site/up", {}, "../../.."}}, "symbolic link to \"../../..\", outside the module"},
        {"/dotdot.zip", {{"../escaped.txt", "x", {}}}, "entry \"../escaped.txt\" would be written outside"},
    };
    for (const auto& item : cases) {
        INFO(item.name);
        bool zip = item.name.ends_with(".zip");
        server.route(item.name, {200, make_archive(zip ? ArchiveFormat::Zip : ArchiveFormat::TarGz, item.entries), {}});
        CHECK_THAT(refused(stack, InstallMode::Install, server.url(item.name)).detail, Catch::Contains(item.problem));
    }
    CHECK_FALSE(fs::exists(stack.path() / ".plinth/escaped.txt"));
    CHECK_FALSE(fs::exists("/tmp/plinth-escaped.txt"));
    CHECK(fs::is_empty(stack.path() / ".plinth/modules"));

    server.route("/inside.tar.gz", {200, make_archive(ArchiveFormat::TarGz, {{"a/b.txt", "b", {}}, {"a/c", {}, "b.txt"}}), {}});
    fs::path tree = installed(stack, InstallMode::Install, server.url("/inside.tar.gz"));
    CHECK(slurp((tree / "a/c").string()) == "b");
}
