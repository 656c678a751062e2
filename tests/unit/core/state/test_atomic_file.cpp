#include <catch2/catch.hpp>

#include <csignal>
#include <stdexcept>
#include <sys/stat.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/state/atomic_file.h"
#include "temp_dir.h"

using namespace plinth;
using plinth::test::slurp;
using plinth::test::spit;
using plinth::test::TempDir;

TEST_CASE("atomic_file: writes and replaces a file, leaving no temp files") {
    TempDir dir;
    auto path = dir / "f.json";
    REQUIRE(write_file_atomically(path, "one"));
    REQUIRE(write_file_atomically(path, "two"));
    CHECK(slurp(path) == "two");
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 1);
}

TEST_CASE("atomic_file: the file gets exactly the permission bits asked for, private by default") {
    TempDir dir;
    auto mode_of = [](const std::filesystem::path& path) {
        struct stat info {};
        REQUIRE(::stat(path.c_str(), &info) == 0);
        return info.st_mode & 07777;
    };
    REQUIRE(write_file_atomically(dir / "state.json", "{}"));
    CHECK(mode_of(dir / "state.json") == 0600);
    mode_t old_mask = ::umask(077);
    auto written = write_file_atomically(dir / "stack.yaml", "stack: s\n", 0644);
    ::umask(old_mask);
    REQUIRE(written);
    CHECK(mode_of(dir / "stack.yaml") == 0644);
}

TEST_CASE("atomic_file: a failed write leaves the old file intact") {
    TempDir dir;
    auto path = dir / "f.json";
    REQUIRE(write_file_atomically(path, "old"));
    // The target is a directory: the temp file is written, the rename fails and must be undone.
    std::filesystem::create_directory(dir / "busy");
    spit(dir / "busy" / "inside", "x");
    auto failed = write_file_atomically(dir / "busy", "new");
    REQUIRE_FALSE(failed);
    CHECK(failed.error().find("cannot rename") != std::string::npos);
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 2);
    // A parent that is a file: the temp file cannot even be created (this holds for root too).
    auto unreachable = write_file_atomically(path / "child.json", "new");
    REQUIRE_FALSE(unreachable);
    CHECK(unreachable.error().find("cannot create") != std::string::npos);
    CHECK(slurp(path) == "old");
}

TEST_CASE("atomic_file: a write that fails part-way leaves the old file and no temp file") {
    TempDir dir;
    auto path = dir / "f.json";
    REQUIRE(write_file_atomically(path, "old"));
    // A file size limit makes write() fail with EFBIG even for root. In a child, so that the
    // limit cannot touch this process's own output.
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit{16, 16};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        auto result = write_file_atomically(path, std::string(4096, 'n'));
        ::_exit(!result && result.error().find("cannot write") != std::string::npos ? 0 : 1);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(slurp(path) == "old");
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 1);
}

TEST_CASE("atomic_file: content produced piece by piece is written whole, in order") {
    TempDir dir;
    auto path = dir / "pieces.json";
    // Small pieces that fill the write buffer many times over, then one larger than the buffer.
    std::string expected;
    auto produce = [&expected](const TextSink& sink) {
        for (int i = 0; i < 50000; ++i) {
            std::string piece = "piece " + std::to_string(i) + "\n";
            expected += piece;
            sink(piece);
        }
        std::string large(600 * 1024, 'L');
        expected += large;
        sink(large);
        sink("end\n");
        expected += "end\n";
    };
    REQUIRE(write_file_atomically(path, produce));
    CHECK(slurp(path) == expected);
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 1);
}

TEST_CASE("atomic_file: a producer that throws part-way leaves the old file and no temp file") {
    TempDir dir;
    auto path = dir / "f.json";
    REQUIRE(write_file_atomically(path, "old"));
    auto failing = [](const TextSink& sink) {
        sink("half of it");
        throw std::runtime_error("out of memory");
    };
    CHECK_THROWS_WITH(write_file_atomically(path, failing), "out of memory");
    CHECK(slurp(path) == "old");
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 1);
}

TEST_CASE("atomic_file: reading a missing file is not an error") {
    TempDir dir;
    auto missing = read_whole_file(dir / "nope");
    REQUIRE(missing);
    CHECK_FALSE(*missing);
    spit(dir / "yes", std::string(100000, 'y'));
    auto present = read_whole_file(dir / "yes");
    REQUIRE(present);
    CHECK(present->value().size() == 100000);
    CHECK_FALSE(read_whole_file(dir.path()));
}

TEST_CASE("atomic_file: the backup names the previous content") {
    TempDir dir;
    auto path = dir / "f.json";
    REQUIRE(keep_backup(path, dir / "f.json.backup"));
    CHECK_FALSE(std::filesystem::exists(dir / "f.json.backup"));
    REQUIRE(write_file_atomically(path, "v1"));
    REQUIRE(keep_backup(path, dir / "f.json.backup"));
    REQUIRE(write_file_atomically(path, "v2"));
    CHECK(slurp(dir / "f.json.backup") == "v1");
    CHECK(slurp(path) == "v2");
}
