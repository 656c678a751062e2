#include <catch2/catch.hpp>

#include <csignal>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "core/state/file_lock.h"
#include "core/state/lock_info.h"
#include "core/state/local_backend.h"
#include "core/version.h"
#include "temp_dir.h"

using namespace plinth;
using namespace std::chrono_literals;
using plinth::test::slurp;
using plinth::test::TempDir;

namespace {

// Forks a child that takes the lock for "apply", tells the parent, then holds it for
// `hold` (forever when zero) before exiting normally.
pid_t child_holding_lock(const std::filesystem::path& state, std::chrono::milliseconds hold) {
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(ready[0]);
        auto backend = open_local_state(state);
        auto lock = backend->lock("apply", 0ms);
        char status = lock ? 'y' : 'n';
        [[maybe_unused]] auto n = ::write(ready[1], &status, 1);
        if (hold == 0ms)
            for (;;) ::pause();
        std::this_thread::sleep_for(hold);
        lock->reset();
        ::_exit(0);
    }
    ::close(ready[1]);
    char status = 0;
    REQUIRE(::read(ready[0], &status, 1) == 1);
    ::close(ready[0]);
    REQUIRE(status == 'y');
    return pid;
}

}  // namespace

TEST_CASE("file_lock: LockInfo uses Terraform's field names") {
    LockInfo info{"id-1", "apply", "me@host (pid 1)", "0.1.0", "2024-01-01T00:00:00Z", "s.json"};
    std::string json = lock_info_to_json(info);
    CHECK(json == "{\"ID\":\"id-1\",\"Operation\":\"apply\",\"Who\":\"me@host (pid 1)\",\"Version\":\"0.1.0\","
                  "\"Created\":\"2024-01-01T00:00:00Z\",\"Path\":\"s.json\"}\n");
    CHECK(lock_info_from_json(json).who == "me@host (pid 1)");
    CHECK(lock_info_from_json("").id.empty());
}

TEST_CASE("file_lock: the holder is recorded while held and cleared on release") {
    TempDir dir;
    auto backend = open_local_state(dir / "s.json");
    {
        auto lock = backend->lock("apply", 0ms);
        REQUIRE(lock);
        const LockInfo& info = (*lock)->info();
        CHECK(info.operation == "apply");
        CHECK(info.version == k_version);
        CHECK(info.path == (dir / "s.json").string());
        CHECK(info.who.find("(pid " + std::to_string(::getpid()) + ")") != std::string::npos);
        CHECK(info.created.size() == 20);
        CHECK(lock_info_from_json(slurp(dir / "s.json.lock")).id == info.id);
        // A second taker, even in the same process, is refused.
        auto second = backend->lock("plan", 0ms);
        REQUIRE_FALSE(second);
        CHECK(second.error().detail.find(info.id) != std::string::npos);
    }
    CHECK(slurp(dir / "s.json.lock").empty());
    CHECK(backend->lock("plan", 0ms));
}

TEST_CASE("file_lock: a lock held by another process names its holder") {
    TempDir dir;
    pid_t child = child_holding_lock(dir / "s.json", 0ms);
    auto backend = open_local_state(dir / "s.json");
    auto start = std::chrono::steady_clock::now();
    auto refused = backend->lock("destroy", 250ms);
    CHECK(std::chrono::steady_clock::now() - start >= 250ms);
    REQUIRE_FALSE(refused);
    const Diagnostic& error = refused.error();
    CHECK(error.summary == "Error acquiring the state lock");
    LockInfo holder = lock_info_from_json(slurp(dir / "s.json.lock"));
    CHECK(holder.who.find("(pid " + std::to_string(child) + ")") != std::string::npos);
    CHECK(error.detail.find("locked by " + holder.who) != std::string::npos);
    CHECK(error.detail.find("for \"apply\"") != std::string::npos);
    CHECK(error.detail.find("since " + holder.created) != std::string::npos);
    CHECK(error.detail.find("lock ID " + holder.id) != std::string::npos);

    // SIGKILL gives the holder no chance to clean up; the kernel still drops its flock.
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    auto taken = backend->lock("destroy", 0ms);
    REQUIRE(taken);
    CHECK((*taken)->info().operation == "destroy");
}

TEST_CASE("file_lock: a waiting run gets the lock once the holder finishes") {
    TempDir dir;
    pid_t child = child_holding_lock(dir / "s.json", 300ms);
    auto backend = open_local_state(dir / "s.json");
    auto taken = backend->lock("apply", 5000ms);
    CHECK(taken);
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(WIFEXITED(status));
}

TEST_CASE("file_lock: an unusable lock path is an error") {
    TempDir dir;
    auto refused = acquire_file_lock(dir / "missing" / "s.json.lock", dir / "missing" / "s.json", "apply", 0ms);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().detail.find("cannot open") != std::string::npos);
}

TEST_CASE("file_lock: force-unlock needs the current lock's ID, then lets the next run in at once") {
    TempDir dir;
    auto backend = open_local_state(dir / "s.json");
    CHECK(backend->force_unlock("any").error().summary == (dir / "s.json.lock").string() + " is not locked");
    auto hung = backend->lock("apply", 0ms);  // a run that will never finish
    REQUIRE(hung);
    auto wrong = backend->force_unlock("not-the-id");
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().summary == "lock ID `not-the-id` is not the current lock's");
    CHECK(wrong.error().detail.find((*hung)->info().id) != std::string::npos);
    CHECK_FALSE(backend->lock("plan", 0ms));
    REQUIRE(backend->force_unlock((*hung)->info().id));
    auto next = backend->lock("plan", 0ms);
    REQUIRE(next);
    CHECK(lock_info_from_json(slurp(dir / "s.json.lock")).id == (*next)->info().id);
}
