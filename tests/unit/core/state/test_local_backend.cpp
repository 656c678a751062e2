#include <catch2/catch.hpp>

#include "core/state/local_backend.h"
#include "core/state/state_file.h"
#include "temp_dir.h"

using namespace plinth;
using plinth::test::slurp;
using plinth::test::spit;
using plinth::test::TempDir;

namespace {

ResourceState resource(const std::string& address, const std::string& content) {
    return ResourceState{address, "local_file", "local", address + "-id",
                         Value(ValueMap{{"content", Value(content).mark_sensitive()}}), {}, ResourceStatus::Ready};
}

}  // namespace

TEST_CASE("local_backend: a missing file reads as a fresh state") {
    TempDir dir;
    auto backend = open_local_state(dir / "plinth.state.json");
    CHECK(backend->describe() == (dir / "plinth.state.json").string());
    bool recovered = true;
    auto state = backend->read(&recovered);
    REQUIRE(state);
    CHECK(state->serial == 0);
    CHECK(state->resources.empty());
    CHECK_FALSE(recovered);
}

TEST_CASE("local_backend: write then read, keeping the previous version as a backup") {
    TempDir dir;
    auto backend = open_local_state(dir / "s.json");
    State state = State::fresh();
    state.serial = 1;
    state.resources.emplace("a", resource("a", "one"));
    REQUIRE(backend->write(state));
    CHECK_FALSE(std::filesystem::exists(dir / "s.json.backup"));
    std::string first = slurp(dir / "s.json");
    state.serial = 2;
    state.resources.emplace("b", resource("b", "two"));
    REQUIRE(backend->write(state));
    CHECK(slurp(dir / "s.json.backup") == first);
    auto read = backend->read();
    REQUIRE(read);
    CHECK(read->serial == 2);
    CHECK(read->resources.size() == 2);
    CHECK(read->resources.at("b").attributes.find("content")->is_sensitive());
}

TEST_CASE("local_backend: an unreadable state file is an error naming it") {
    TempDir dir;
    spit(dir / "s.json", "{\"format_version\": 9}");
    auto backend = open_local_state(dir / "s.json");
    auto read = backend->read();
    REQUIRE_FALSE(read);
    CHECK(read.error().summary.find("has format_version 9") != std::string::npos);
}

TEST_CASE("local_backend: a failed write keeps the old state") {
    TempDir dir;
    spit(dir / "file", "not a directory");
    auto backend = open_local_state(dir / "file" / "s.json");
    auto written = backend->write(State::fresh());
    REQUIRE_FALSE(written);
    CHECK(written.error().summary == "cannot write state file " + (dir / "file" / "s.json").string());
    CHECK(slurp(dir / "file") == "not a directory");
}
