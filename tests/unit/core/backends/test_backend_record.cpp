#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "core/backends/backend_factory.h"
#include "core/backends/backend_record.h"
#include "tests/unit/core/state/temp_dir.h"

using namespace plinth;
using plinth::test::TempDir;

namespace {

Stack stack_in(const std::filesystem::path& dir, BackendDecl backend) {
    Stack stack;
    stack.dir = dir;
    stack.backend = std::move(backend);
    return stack;
}

BackendDecl local_at(const std::string& path) {
    return BackendDecl{"local", {{"path", BackendSetting{path, {"stack.yaml", 4, 9}}}}, {"stack.yaml", 2, 1}};
}

}  // namespace

TEST_CASE("backend_record: without a record the active backend is the implicit local one") {
    TempDir dir;
    auto recorded = backends::read_backend_record(dir.path());
    REQUIRE(recorded);
    CHECK_FALSE(*recorded);
    auto active = backends::active_backend(dir.path());
    REQUIRE(active);
    CHECK(active->same_store_as(BackendDecl{}));
    CHECK(backends::check_backend_initialized(stack_in(dir.path(), BackendDecl{})));
}

TEST_CASE("backend_record: a recorded backend round-trips and a changed block asks for init") {
    TempDir dir;
    REQUIRE(backends::write_backend_record(dir.path(), local_at("a.json")));
    auto recorded = backends::read_backend_record(dir.path());
    REQUIRE(recorded);
    REQUIRE(*recorded);
    CHECK((*recorded)->same_store_as(local_at("a.json")));
    CHECK(backends::check_backend_initialized(stack_in(dir.path(), local_at("a.json"))));
    auto changed = backends::check_backend_initialized(stack_in(dir.path(), local_at("b.json")));
    REQUIRE_FALSE(changed);
    CHECK(changed.error().summary == "backend initialization required");
    CHECK(changed.error().location.to_string() == "stack.yaml:2:1");
}

TEST_CASE("backend_record: a stack with a new backend and no record asks for init") {
    TempDir dir;
    auto result = backends::check_backend_initialized(stack_in(dir.path(), local_at("a.json")));
    REQUIRE_FALSE(result);
    CHECK(result.error().detail.find("`plinth init` has not set it up") != std::string::npos);
}

TEST_CASE("backend_record: a damaged record is an error naming the file") {
    TempDir dir;
    std::filesystem::create_directories(dir.path() / ".plinth");
    std::ofstream(dir.path() / ".plinth" / "backend.json") << "{\"type\": 3}";
    auto recorded = backends::read_backend_record(dir.path());
    REQUIRE_FALSE(recorded);
    CHECK(recorded.error().summary.find("backend.json") != std::string::npos);
}

TEST_CASE("backend_factory: local backend's path setting, workspaces beside it; unknown types refused") {
    TempDir dir;
    auto backend = backends::open_backend(local_at("states/main.json"), dir.path());
    REQUIRE(backend);
    CHECK((*backend)->type() == "local");
    auto store = (*backend)->open("default");
    REQUIRE(store);
    CHECK((*store)->describe() == (dir.path() / "states/main.json").string());
    State state = State::fresh();
    state.serial = 1;
    REQUIRE((*store)->write(state));
    CHECK(std::filesystem::exists(dir.path() / "states/main.json"));
    auto workspaces = (*backend)->workspaces();
    REQUIRE(workspaces);
    CHECK(*workspaces == std::vector<std::string>{"default"});
    CHECK_FALSE((*backend)->delete_workspace("default"));

    auto unknown = backends::open_backend(BackendDecl{"ftp", {}, {"stack.yaml", 2, 1}}, dir.path());
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().summary == "unknown backend type `ftp`");
    auto typo = backends::open_backend(BackendDecl{"local", {{"pth", BackendSetting{"x", {}}}}, {}}, dir.path());
    REQUIRE_FALSE(typo);
    CHECK(typo.error().detail == "did you mean `path`?");
}
