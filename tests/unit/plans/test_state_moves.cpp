#include <catch2/catch.hpp>

#include "plans/state_moves.h"

using namespace plinth;
using namespace plinth::plans;

namespace {

State state_with(std::initializer_list<const char*> addresses) {
    State state = State::fresh();
    for (const char* address : addresses) {
        ResourceState resource;
        resource.address = address;
        resource.type = "null_resource";
        resource.provider = "null";
        state.resources[address] = resource;
    }
    return state;
}

std::vector<std::string> addresses_of(const State& state) {
    std::vector<std::string> out;
    for (const auto& [address, resource] : state.resources) out.push_back(address);
    return out;
}

}  // namespace

TEST_CASE("state_moves: address_within covers instances and module contents") {
    CHECK(address_within("web", "web"));
    CHECK(address_within("web[0]", "web"));
    CHECK(address_within("module.a[\"k\"].web", "module.a"));
    CHECK_FALSE(address_within("webs", "web"));
    CHECK_FALSE(address_within("module.ab.web", "module.a"));
}

TEST_CASE("state_moves: a resource, an instance and a module move with everything inside") {
    State state = state_with({"old", "list[0]", "module.a[\"k\"].web", "module.a[\"k\"].db[1]", "other"});
    std::vector<MovedDecl> moved = {{"old", "new", {}}, {"list[0]", "map[\"x\"]", {}}, {"module.a", "module.b", {}}};
    auto moves = plan_moves(moved, state);
    REQUIRE(moves);
    apply_moves(*moves, state);
    CHECK(addresses_of(state) == std::vector<std::string>{"map[\"x\"]", "module.b[\"k\"].db[1]", "module.b[\"k\"].web",
                                                          "new", "other"});
    CHECK(state.resources.at("new").address == "new");
}

TEST_CASE("state_moves: a move already made is skipped; one onto existing objects is refused") {
    State state = state_with({"new"});
    auto done = plan_moves({{"old", "new", {}}}, state);
    REQUIRE(done);
    CHECK(done->empty());

    State both = state_with({"old", "new"});
    auto refused = plan_moves({{"old", "new", SourceLocation{"main.yaml", 3, 5}}}, both);
    REQUIRE_FALSE(refused);
    CHECK(refused.error()[0].summary == "cannot move `old` to `new`: state already has objects there");
    CHECK(refused.error()[0].location.to_string() == "main.yaml:3:5");

    CHECK_FALSE(plan_moves({{"web", "web[0]", {}}}, state_with({"web"})));
}

TEST_CASE("state_moves: removed names every object inside its address") {
    State state = state_with({"keep", "gone[0]", "gone[1]", "module.m.x"});
    CHECK(removed_objects({{"gone", {}}, {"module.m", {}}}, state) ==
          std::vector<std::string>{"gone[0]", "gone[1]", "module.m.x"});
}
