#include <catch2/catch.hpp>

#include "fake_quoter.h"
#include "providers/postgresql/role_sql.h"

using namespace plinth;
using namespace plinth::providers::postgresql;

TEST_CASE("postgresql: a role is created with every option, its password a literal, its roles names") {
    FakeQuoter quoter;
    RoleSpec role;
    role.name = "app";
    role.login = true;
    role.connection_limit = 5;
    role.password = "s3'cret";
    role.roles = {"readers", "x\"y"};
    auto sql = create_role_sql(quoter, role);
    REQUIRE(sql);
    CHECK(*sql == "CREATE ROLE \"app\" WITH LOGIN NOCREATEDB INHERIT CONNECTION LIMIT 5 PASSWORD 's3''cret' "
                  "IN ROLE \"readers\", \"x\"\"y\"");
    role.superuser = true;
    role.password.reset();
    role.roles.clear();
    CHECK(*create_role_sql(quoter, role) ==
          "CREATE ROLE \"app\" WITH LOGIN SUPERUSER NOCREATEDB INHERIT CONNECTION LIMIT 5");
}

TEST_CASE("postgresql: altering a role sends only what changed") {
    FakeQuoter quoter;
    RoleSpec prior;
    prior.name = "app";
    prior.password = "old";
    RoleSpec planned = prior;
    CHECK_FALSE(alter_role_sql(quoter, prior, planned).has_value());
    planned.connection_limit = 3;
    planned.login = true;
    CHECK(*alter_role_sql(quoter, prior, planned).value() == "ALTER ROLE \"app\" WITH LOGIN CONNECTION LIMIT 3");
    planned = prior;
    planned.password.reset();
    CHECK(*alter_role_sql(quoter, prior, planned).value() == "ALTER ROLE \"app\" WITH PASSWORD NULL");
    planned.password = "new";
    planned.superuser = true;
    CHECK(*alter_role_sql(quoter, prior, planned).value() == "ALTER ROLE \"app\" WITH SUPERUSER PASSWORD 'new'");
}

TEST_CASE("postgresql: renaming, memberships and dropping quote every name") {
    FakeQuoter quoter;
    CHECK(*rename_role_sql(quoter, "a", "b\"") == "ALTER ROLE \"a\" RENAME TO \"b\"\"\"");
    CHECK(*role_membership_sql(quoter, true, {"r1", "r2"}, "app") == "GRANT \"r1\", \"r2\" TO \"app\"");
    CHECK(*role_membership_sql(quoter, false, {"r1"}, "app") == "REVOKE \"r1\" FROM \"app\"");
    CHECK(*drop_role_sql(quoter, "x\"; DROP ROLE postgres; --") == "DROP ROLE \"x\"\"; DROP ROLE postgres; --\"");
}

TEST_CASE("postgresql: a role's attributes come from pg_roles and pg_auth_members") {
    Value current(ValueMap{{"name", Value("app")},
                           {"password", Value("secret")},
                           {"roles", Value(ValueList{Value("writers"), Value("readers")})}});
    CatalogRow row = {std::string("t"), std::string("f"), std::string("t"), std::string("f"), std::string("7")};
    Value read = role_attributes(current, row, {"readers", "writers"});
    CHECK(read.find("login")->as_bool());
    CHECK_FALSE(read.find("superuser")->as_bool());
    CHECK(read.find("createdb")->as_bool());
    CHECK_FALSE(read.find("inherit")->as_bool());
    CHECK(read.find("connection_limit")->as_number() == 7);
    CHECK(*read.find("roles") == *current.find("roles"));
    CHECK(read.find("password")->as_string() == "secret");
    CHECK(*role_attributes(current, row, {"admins"}).find("roles") == Value(ValueList{Value("admins")}));
}

TEST_CASE("postgresql: a role spec takes defaults for what the attributes leave out") {
    RoleSpec role = role_spec(Value(ValueMap{{"name", Value("app")}, {"roles", Value(ValueList{Value("r")})}}));
    CHECK(role.name == "app");
    CHECK_FALSE(role.login);
    CHECK(role.inherit);
    CHECK(role.connection_limit == -1);
    CHECK_FALSE(role.password);
    CHECK(role.roles == std::vector<std::string>{"r"});
}

TEST_CASE("postgresql: a password quoted back in an error is masked") {
    auto error = providers::provider_error("PostgreSQL: cannot create role \"app\"",
                                           "syntax error\nLINE 1: ... PASSWORD 'hunter2' hunter2");
    auto masked = without_secret(error, std::string("hunter2"));
    CHECK(masked.detail == "syntax error\nLINE 1: ... PASSWORD '(sensitive value)' (sensitive value)");
    CHECK(masked.summary == error.summary);
    CHECK(without_secret(error, std::nullopt).detail == error.detail);
}

TEST_CASE("postgresql: masking a password that is part of the mask ends") {
    auto error = providers::provider_error("cannot", "value value");
    CHECK(without_secret(error, std::string("value")).detail == "(sensitive value) (sensitive value)");
}
