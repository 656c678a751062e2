#include <catch2/catch.hpp>

#include "plans/policies.h"
#include "test_stack.h"

using namespace plinth;
using namespace plinth::plans;
using plinth::testing::load_test_stack;

namespace {

ResourceChange bucket(const std::string& address, Action action, Value after) {
    ResourceChange change;
    change.address = address;
    change.type = "aws_s3_bucket";
    change.action = action;
    change.after = std::move(after);
    return change;
}

constexpr const char* k_policies = R"(
policies:
  - name: tagged
    resource_types: [aws_s3_bucket]
    condition: "${length(after.tags) > 0}"
    message: "${address} needs tags"
  - name: small
    condition: "${!contains(actions, \"delete\")}"
    message: "${address} would be deleted"
    enforcement: advisory
)";

}  // namespace

TEST_CASE("policies: each planned change of the policy's types is checked") {
    Stack stack = load_test_stack(k_policies);
    REQUIRE(stack.policies.size() == 2);
    CHECK(stack.policies[0].enforcement == PolicyEnforcement::Mandatory);
    CHECK(stack.policies[1].enforcement == PolicyEnforcement::Advisory);
    Plan plan;
    plan.changes = {bucket("logs", Action::Create, Value(ValueMap{{"tags", Value(ValueMap{})}})),
                    bucket("site", Action::Update, Value(ValueMap{{"tags", Value(ValueMap{{"env", Value("prod")}})}})),
                    bucket("later", Action::Create, Value(ValueMap{{"tags", Value::unknown()}}))};
    ResourceChange gone;
    gone.address = "old";
    gone.type = "local_file";
    gone.action = Action::Delete;
    plan.changes.push_back(gone);

    Diagnostics problems = check_policies(stack.policies, plan, "");
    CHECK_FALSE(problems.has_errors());
    CHECK(plan.policy_checks == 7);  // three buckets twice, the file once
    REQUIRE(plan.policy_failures.size() == 2);
    CHECK(plan.policy_failures[0].policy == "tagged");
    CHECK(plan.policy_failures[0].address == "logs");
    CHECK(plan.policy_failures[0].message == "logs needs tags");
    CHECK(plan.policy_failures[0].mandatory);
    CHECK(plan.policy_failures[1].policy == "small");
    CHECK(plan.policy_failures[1].address == "old");
    CHECK_FALSE(plan.policy_failures[1].mandatory);
    CHECK(plan.blocked_by_policy());
}

TEST_CASE("policies: a condition that is not a bool is an error at the policy") {
    Stack stack = load_test_stack("policies:\n  - name: odd\n    condition: \"${type}\"\n    message: m\n");
    Plan plan;
    plan.changes = {bucket("logs", Action::Create, Value(ValueMap{}))};
    Diagnostics problems = check_policies(stack.policies, plan, "");
    REQUIRE(problems.has_errors());
    CHECK(problems.begin()->summary == "the condition of policy `odd` must be true or false");
    CHECK(problems.begin()->location.to_string() == "stack.yaml:4:19");
}

TEST_CASE("policies: mistakes in the declaration are located") {
    auto stack = load_stack_from_files("", {{"stack.yaml", "stack: t\npolicies:\n  - name: p\n    message: m\n"
                                                            "    enforcement: sometimes\n"}});
    REQUIRE_FALSE(stack);
    std::string all;
    for (const auto& d : stack.error()) all += d.location.to_string() + " " + d.summary + "\n";
    CHECK(all.find("stack.yaml:5:18 `enforcement` of policy `p` must be `mandatory` or `advisory`, not `sometimes`") !=
          std::string::npos);
    CHECK(all.find("policy `p` has no `condition`") != std::string::npos);
}

TEST_CASE("policies: a module cannot declare them") {
    auto module = load_stack_from_files("", {{"stack.yaml", "policies:\n  - { name: p, condition: x, message: m }\n"}},
                                        StackRole::Module);
    REQUIRE_FALSE(module);
    CHECK(module.error().begin()->summary == "a module cannot declare `policies`");
}
