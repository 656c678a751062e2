#include <catch2/catch.hpp>

#include "core/state/state_compare.h"
#include "core/state/state_file.h"

using namespace plinth;

namespace {

State state_to_compare() {
    State state;
    state.serial = 3;
    state.lineage = "lineage-1";
    ValueMap attributes{{"filename", Value("out/a.txt")}, {"content", Value("hello")}};
    state.resources["a"] = ResourceState{"a", "local_file", "local", "id-a", Value(attributes), {"b"}, ResourceStatus::Ready};
    state.outputs["name"] = OutputState{Value("a"), false};
    return state;
}

}  // namespace

TEST_CASE("state_compare: a copy is the same state, and serializes the same") {
    State state = state_to_compare();
    State copy = state;
    CHECK(same_state(state, copy));
    CHECK(serialize_state(state) == serialize_state(copy));
}

TEST_CASE("state_compare: any stored field that differs makes the states differ") {
    State state = state_to_compare();
    State changed = state;
    SECTION("serial") { changed.serial = 4; }
    SECTION("an attribute") { changed.resources["a"].attributes.as_map()["content"] = Value("changed"); }
    SECTION("a status") { changed.resources["a"].status = ResourceStatus::Deleting; }
    SECTION("the dependencies") { changed.resources["a"].dependencies.clear(); }
    SECTION("a resource gone") { changed.resources.erase("a"); }
    SECTION("an output") { changed.outputs["name"].value = Value("b"); }
    CHECK_FALSE(same_state(state, changed));
    CHECK(serialize_state(state) != serialize_state(changed));
}

TEST_CASE("state_compare: a sensitive mark alone makes the states differ, as it does in the file") {
    State state = state_to_compare();
    State marked = state;
    marked.resources["a"].attributes.as_map()["content"].mark_sensitive();
    CHECK(state.resources["a"].attributes == marked.resources["a"].attributes);  // Value== ignores marks
    CHECK_FALSE(same_state(state, marked));
    CHECK(serialize_state(state) != serialize_state(marked));
}
