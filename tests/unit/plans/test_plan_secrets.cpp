#include <catch2/catch.hpp>

#include "plans/plan_secrets.h"

using namespace plinth;
using namespace plinth::plans;

namespace {
Value secret(std::string text) { return Value(std::move(text)).mark_sensitive(); }

Plan plan_with_secrets() {
    Plan plan;
    plan.variables = ValueMap{{"region", "eu"}, {"password", secret("hunter2")}};
    ResourceChange change;
    change.address = "db";
    change.action = Action::Update;
    change.before = ValueMap{{"name", "app"}, {"password", secret("old")}, {"tags", ValueList{secret("t"), "u"}}};
    change.after = ValueMap{{"name", "app"}, {"password", secret("hunter2")}, {"tags", ValueList{secret("t"), "u"}}};
    plan.changes.push_back(change);
    plan.data_reads.push_back({"data.vault", "vault_secret", "vault", ValueMap{{"value", secret("from-vault")}}, false});
    plan.output_changes.push_back({"conn", nullptr, "postgres://app@db", true, false});
    plan.output_changes.push_back({"name", nullptr, "app", false, false});
    plan.drift.push_back({"db", "pg_role", ValueMap{{"password", secret("x")}}, ValueMap{{"password", secret("y")}}, false});
    return plan;
}

bool is_left_out(const Value& value) { return value.is_unknown() && value.is_sensitive(); }
}  // namespace

TEST_CASE("plan secrets: every sensitive value is left out, the rest kept") {
    Plan sealed = without_secrets(plan_with_secrets());
    CHECK(sealed.secrets_redacted);
    CHECK(sealed.variables.at("region") == Value("eu"));
    CHECK(is_left_out(sealed.variables.at("password")));
    const ResourceChange& change = sealed.changes[0];
    CHECK(change.after.find("name")->as_string() == "app");
    CHECK(is_left_out(*change.after.find("password")));
    CHECK(is_left_out(*change.before.find("password")));
    CHECK(is_left_out(change.after.find("tags")->as_list()[0]));
    CHECK(change.after.find("tags")->as_list()[1] == Value("u"));
    CHECK(change.secret_changes == std::vector<std::string>{"password"});  // so a diff still shows it changes
    CHECK(is_left_out(*sealed.data_reads[0].result.find("value")));
    CHECK(is_left_out(sealed.output_changes[0].after));  // a sensitive output, though its value is not marked
    CHECK(sealed.output_changes[1].after == Value("app"));
    CHECK(is_left_out(*sealed.drift[0].after.find("password")));
}

TEST_CASE("plan secrets: a plan without secrets is written whole") {
    Plan plan;
    plan.variables = ValueMap{{"region", "eu"}};
    plan.output_changes.push_back({"id", nullptr, Value::unknown(), true, false});
    Plan sealed = without_secrets(plan);
    CHECK_FALSE(sealed.secrets_redacted);
    CHECK(sealed.variables == plan.variables);
}

TEST_CASE("plan secrets: a fresh plan with the same changes holds, whatever the secrets now are") {
    Plan saved = without_secrets(plan_with_secrets());
    Plan fresh = plan_with_secrets();
    CHECK_FALSE(find_plan_departure(saved, fresh));
    fresh.changes[0].after.as_map()["password"] = secret("rotated");
    CHECK_FALSE(find_plan_departure(saved, fresh));
}

TEST_CASE("plan secrets: where a fresh plan departs from the saved one") {
    Plan saved = without_secrets(plan_with_secrets());
    Plan fresh = plan_with_secrets();
    fresh.changes[0].after.as_map()["name"] = "other";
    CHECK(find_plan_departure(saved, fresh) == "`db`: `name` was planned as \"app\", now \"other\"");

    fresh = plan_with_secrets();
    fresh.changes[0].action = Action::DeleteThenCreate;
    CHECK(find_plan_departure(saved, fresh) == "`db` was planned to update, now to delete-then-create");

    fresh = plan_with_secrets();
    fresh.changes.push_back(fresh.changes[0]);
    fresh.changes[1].address = "extra";
    CHECK(find_plan_departure(saved, fresh) == "a change to `extra` was not planned");

    fresh = plan_with_secrets();
    fresh.output_changes.pop_back();
    CHECK(find_plan_departure(saved, fresh) == "a change to output `name` is no longer planned");

    fresh = plan_with_secrets();
    fresh.drift.clear();
    CHECK(find_plan_departure(saved, fresh) == "a change outside plinth to `db` is no longer planned");
}
