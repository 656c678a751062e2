#include <catch2/catch.hpp>

#include "plans/drift.h"
#include "plans/render_text.h"

using namespace plinth;
using namespace plinth::plans;

namespace {

ResourceState object(const std::string& address, ValueMap attributes) {
    return ResourceState{address, "local_file", "local", address, Value(std::move(attributes)), {}, ResourceStatus::Ready};
}

}  // namespace

TEST_CASE("drift: objects changed or gone between the recorded and the refreshed state") {
    State before = State::fresh();
    before.resources["same"] = object("same", {{"content", Value("x")}});
    before.resources["edited"] = object("edited", {{"content", Value("old")}, {"mode", Value("0644")}});
    before.resources["deleted"] = object("deleted", {{"content", Value("gone")}});
    State after = before;
    after.resources.at("edited").attributes = Value(ValueMap{{"content", Value("new")}, {"mode", Value("0644")}});
    after.resources.erase("deleted");

    auto drift = detect_drift(before, after);
    REQUIRE(drift.size() == 2);
    CHECK(drift[0].address == "deleted");
    CHECK(drift[0].gone);
    CHECK(drift[1].address == "edited");
    CHECK_FALSE(drift[1].gone);
    CHECK(drift[1].after.find("content")->as_string() == "new");
    CHECK(detect_drift(after, after).empty());

    std::string text = render_drift(drift, RenderStyle{false});
    CHECK(text.starts_with("Note: Objects have changed outside of plinth\n"));
    CHECK(text.find("  # deleted has been deleted\n  - resource \"local_file\" \"deleted\" {") != std::string::npos);
    CHECK(text.find("  # edited has changed\n  ~ resource \"local_file\" \"edited\" {\n      ~ content = \"old\" -> \"new\"") !=
          std::string::npos);
    CHECK(render_drift({}, RenderStyle{false}).empty());
}
