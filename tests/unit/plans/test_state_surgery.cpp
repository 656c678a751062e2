#include <catch2/catch.hpp>

#include "plans/state_surgery.h"

using namespace plinth;
using namespace plinth::plans;

namespace {

State sample() {
    State state = State::fresh();
    state.serial = 4;
    for (std::string address : {"web", "db[0]", "db[1]", "module.net[\"a\"].subnet", "module.net[\"b\"].subnet"})
        state.resources[address] = ResourceState{address, "fake_thing", "fake", "id-" + address,
                                                 Value(ValueMap{{"id", Value("id-" + address)}}), {},
                                                 ResourceStatus::Ready};
    return state;
}

std::vector<std::string> addresses(const State& state) {
    std::vector<std::string> out;
    for (const auto& [address, resource] : state.resources) out.push_back(address);
    return out;
}

}  // namespace

TEST_CASE("state surgery: mv renames instances, resources and modules") {
    State state = sample();
    CHECK(move_in_state(state, "db[1]", "db[2]") == std::vector<std::string>{"db[2]"});
    CHECK(move_in_state(state, "db", "database") == std::vector<std::string>{"database[0]", "database[2]"});
    CHECK(move_in_state(state, "module.net[\"a\"]", "module.edge") == std::vector<std::string>{"module.edge.subnet"});
    CHECK(move_in_state(state, "web", "module.site.web") == std::vector<std::string>{"module.site.web"});
    CHECK(state.resources.at("module.site.web").address == "module.site.web");
    CHECK(addresses(state) == std::vector<std::string>{"database[0]", "database[2]", "module.edge.subnet",
                                                       "module.net[\"b\"].subnet", "module.site.web"});
}

TEST_CASE("state surgery: mv refuses what would lose or mix objects") {
    State state = sample();
    State before = state;
    CHECK(move_in_state(state, "nothing", "else").error().summary == "state has no objects at `nothing`");
    CHECK(move_in_state(state, "web", "db[0]").error().summary ==
          "cannot move `web` to `db[0]`: state already has objects there");
    CHECK(move_in_state(state, "db", "db[0]").error().summary == "cannot move `db` to `db[0]`");
    CHECK(move_in_state(state, "web[", "x").error().summary.starts_with("invalid address `web[`"));
    CHECK(addresses(state) == addresses(before));
}

TEST_CASE("state surgery: rm forgets every object at each address, or none") {
    State state = sample();
    CHECK(remove_from_state(state, {"db", "module.net[\"b\"]"}) ==
          std::vector<std::string>{"db[0]", "db[1]", "module.net[\"b\"].subnet"});
    CHECK(addresses(state) == std::vector<std::string>{"module.net[\"a\"].subnet", "web"});
    CHECK(remove_from_state(state, {"web", "db"}).error().summary == "state has no objects at `db`");
    CHECK(state.resources.contains("web"));
}

TEST_CASE("state surgery: replace-provider renames the configuration objects record") {
    State state = sample();
    state.resources.at("web").provider = "other";
    CHECK(replace_provider(state, "fake", "fake.eu").size() == 4);
    CHECK(state.resources.at("db[0]").provider == "fake.eu");
    CHECK(state.resources.at("web").provider == "other");
    CHECK(replace_provider(state, "missing", "x").empty());
}

TEST_CASE("state surgery: push refuses another lineage and older or diverging states") {
    State current = sample();
    State pushed = current;
    pushed.serial = 5;
    CHECK(check_push(current, pushed));
    pushed.serial = 3;
    CHECK(check_push(current, pushed).error().summary == "the pushed state is older than the state here");
    pushed.serial = 4;
    CHECK(check_push(current, pushed));
    pushed.resources.erase("web");
    CHECK(check_push(current, pushed).error().summary ==
          "the pushed state differs from the state here at the same serial");
    State stranger = State::fresh();
    stranger.serial = 9;
    CHECK(check_push(current, stranger).error().summary == "the pushed state belongs to another lineage");
    CHECK(check_push(State::fresh(), stranger));  // nothing here yet: any state may be pushed
}
