#include <catch2/catch.hpp>

#include "plans/graph_nodes.h"

using namespace plinth;
using namespace plinth::plans;

namespace {

ResourceChange change_of(const std::string& address, Action action) {
    ResourceChange change;
    change.address = address;
    change.action = action;
    return change;
}

}  // namespace

TEST_CASE("graph_nodes: a resource takes the strongest action of its instances") {
    Plan plan;
    plan.changes = {change_of("web[0]", Action::NoOp), change_of("web[1]", Action::DeleteThenCreate),
                    change_of("web[2]", Action::Update), change_of("module.net[\"a\"].subnet", Action::Create),
                    change_of("module.net[\"b\"].subnet", Action::Delete), change_of("db", Action::NoOp)};
    plan.data_reads = {{"data.zone", "external", "external", Value(), true}};
    auto actions = planned_actions(plan);
    CHECK(actions == std::map<std::string, std::string>{{"data.zone", "read"},
                                                        {"db", "no-op"},
                                                        {"module.net.subnet", "delete"},
                                                        {"web", "replace"}});
}
