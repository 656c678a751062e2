#include <catch2/catch.hpp>

#include <csignal>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <fmt/format.h>

#include "core/state/journal.h"
#include "core/state/local_backend.h"
#include "temp_dir.h"

using namespace plinth;
using plinth::test::slurp;
using plinth::test::spit;
using plinth::test::TempDir;

namespace {

ResourceState resource(const std::string& address, int n = 0) {
    return ResourceState{address, "null_resource", "null", address + "-id",
                         Value(ValueMap{{"n", n}, {"secret", Value("s").mark_sensitive()}}), {}, ResourceStatus::Ready};
}

// A state with serial 1 and resources "kept" and "dropped", written to `backend`.
State written_base(StateStore& store) {
    State state = State::fresh();
    state.serial = 1;
    state.resources.emplace("kept", resource("kept"));
    state.resources.emplace("dropped", resource("dropped"));
    REQUIRE(store.write(state));
    return state;
}

void append_text(const std::filesystem::path& path, const std::string& text) {
    spit(path, slurp(path) + text);
}

}  // namespace

TEST_CASE("journal: records survive a crash and are folded into the next read") {
    TempDir dir;
    auto backend = open_local_state(dir / "s.json");
    State base = written_base(*backend);
    auto journal = backend->open_journal(base);
    REQUIRE(journal);
    REQUIRE((*journal)->record_put(resource("new", 1)));
    REQUIRE((*journal)->record_put(resource("new", 2)));
    REQUIRE((*journal)->record_remove("dropped"));
    // No write(): the run "crashed". The journal is still open, as it would be in a killed process.
    bool recovered = false;
    auto state = backend->read(&recovered);
    REQUIRE(state);
    CHECK(recovered);
    CHECK(state->serial == 1);
    CHECK(state->lineage == base.lineage);
    CHECK(state->resources.size() == 2);
    CHECK(state->resources.at("new").attributes.find("n")->as_number() == 2);
    CHECK(state->resources.at("new").attributes.find("secret")->is_sensitive());
    CHECK_FALSE(state->resources.contains("dropped"));

    state->serial = 2;
    REQUIRE(backend->write(*state));
    CHECK_FALSE(std::filesystem::exists(dir / "s.json.journal"));
    auto after = backend->read(&recovered);
    REQUIRE(after);
    CHECK_FALSE(recovered);
    CHECK(after->resources.size() == 2);
}

TEST_CASE("journal: a torn last line is ignored") {
    TempDir dir;
    auto backend = open_local_state(dir / "s.json");
    State base = written_base(*backend);
    {
        auto journal = backend->open_journal(base);
        REQUIRE(journal);
        REQUIRE((*journal)->record_put(resource("whole")));
    }
    SECTION("without its newline") { append_text(dir / "s.json.journal", "{\"put\": {\"address\": \"half"); }
    SECTION("with bad JSON") { append_text(dir / "s.json.journal", "{\"put\": {\"addr\n"); }
    bool recovered = false;
    auto state = backend->read(&recovered);
    REQUIRE(state);
    CHECK(recovered);
    CHECK(state->resources.contains("whole"));
    CHECK(state->resources.size() == 3);
}

TEST_CASE("journal: a corrupt record before the end is an error naming the line") {
    TempDir dir;
    auto backend = open_local_state(dir / "s.json");
    State base = written_base(*backend);
    {
        auto journal = backend->open_journal(base);
        REQUIRE(journal);
    }
    append_text(dir / "s.json.journal", "garbage\n{\"remove\": \"kept\"}\n");
    auto state = backend->read();
    REQUIRE_FALSE(state);
    CHECK(state.error().detail.find("line 2: not valid JSON") == 0);
}

TEST_CASE("journal: a stale journal is ignored and deleted by the next write") {
    TempDir dir;
    auto backend = open_local_state(dir / "s.json");
    State base = written_base(*backend);
    {
        auto journal = backend->open_journal(base);
        REQUIRE(journal);
        REQUIRE((*journal)->record_remove("kept"));
    }
    std::string old_journal = slurp(dir / "s.json.journal");
    base.serial = 2;
    REQUIRE(backend->write(base));
    spit(dir / "s.json.journal", old_journal);  // as if the crash came between rename and removal
    bool recovered = true;
    auto state = backend->read(&recovered);
    REQUIRE(state);
    CHECK_FALSE(recovered);
    CHECK(state->resources.contains("kept"));
    state->serial = 3;
    REQUIRE(backend->write(*state));
    CHECK_FALSE(std::filesystem::exists(dir / "s.json.journal"));
}

TEST_CASE("journal: a brand-new state is written first so its lineage survives") {
    TempDir dir;
    auto backend = open_local_state(dir / "s.json");
    auto fresh = backend->read();
    REQUIRE(fresh);
    auto journal = backend->open_journal(*fresh);
    REQUIRE(journal);
    CHECK(std::filesystem::exists(dir / "s.json"));
    REQUIRE((*journal)->record_put(resource("first")));
    bool recovered = false;
    auto state = backend->read(&recovered);
    REQUIRE(state);
    CHECK(recovered);
    CHECK(state->lineage == fresh->lineage);
    CHECK(state->serial == 0);
    CHECK(state->resources.contains("first"));
}

TEST_CASE("journal: reopening a matching journal keeps its records") {
    TempDir dir;
    auto backend = open_local_state(dir / "s.json");
    State base = written_base(*backend);
    {
        auto journal = backend->open_journal(base);
        REQUIRE(journal);
        REQUIRE((*journal)->record_put(resource("one")));
    }
    append_text(dir / "s.json.journal", "{\"put\":");  // torn, and must not glue onto the next record
    auto recovered = backend->read();
    REQUIRE(recovered);
    {
        auto journal = backend->open_journal(*recovered);
        REQUIRE(journal);
        REQUIRE((*journal)->record_put(resource("two")));
    }
    auto state = backend->read();
    REQUIRE(state);
    CHECK(state->resources.contains("one"));
    CHECK(state->resources.contains("two"));
}

TEST_CASE("journal: records from many threads all arrive") {
    TempDir dir;
    auto backend = open_local_state(dir / "s.json");
    State base = written_base(*backend);
    auto journal = backend->open_journal(base);
    REQUIRE(journal);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 2500; ++i) (void)(*journal)->record_put(resource(fmt::format("r{}_{}", t, i), i));
        });
    for (auto& thread : threads) thread.join();
    auto state = backend->read();
    REQUIRE(state);
    CHECK(state->resources.size() == 10002);
}

TEST_CASE("journal: SIGKILL loses no record that was returned") {
    TempDir dir;
    auto backend = open_local_state(dir / "s.json");
    State base = written_base(*backend);
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        auto journal = backend->open_journal(base);
        for (int i = 0; journal && i < 500; ++i) (void)(*journal)->record_put(resource(fmt::format("c{}", i)));
        [[maybe_unused]] auto n = ::write(ready[1], "y", 1);
        for (;;) ::pause();
    }
    char byte = 0;
    REQUIRE(::read(ready[0], &byte, 1) == 1);
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    ::close(ready[0]);
    ::close(ready[1]);
    auto state = backend->read();
    REQUIRE(state);
    CHECK(state->resources.size() == 502);
}
