#include <catch2/catch.hpp>

#include "fake_quoter.h"
#include "providers/postgresql/sql_text.h"

using namespace plinth::providers::postgresql;

TEST_CASE("postgresql: names and values are quoted, keywords appended as they are") {
    FakeQuoter quoter;
    auto sql = SqlText(quoter)
                   .keyword("ALTER ROLE ")
                   .identifier("x\"; DROP ROLE postgres; --")
                   .keyword(" PASSWORD ")
                   .literal("it's")
                   .keyword(" CONNECTION LIMIT ")
                   .number(-1)
                   .text();
    REQUIRE(sql);
    CHECK(*sql == "ALTER ROLE \"x\"\"; DROP ROLE postgres; --\" PASSWORD 'it''s' CONNECTION LIMIT -1");
}

TEST_CASE("postgresql: qualified names and name lists quote each part") {
    FakeQuoter quoter;
    auto sql = SqlText(quoter).qualified("my schema", "t.1").keyword(" / ").identifiers({"a", "b\"c"}).text();
    REQUIRE(sql);
    CHECK(*sql == "\"my schema\".\"t.1\" / \"a\", \"b\"\"c\"");
}

TEST_CASE("postgresql: a name that cannot be quoted fails the whole statement") {
    FakeQuoter quoter;
    quoter.fail_on = "bad";
    auto sql = SqlText(quoter).keyword("DROP ROLE ").identifier("bad").text();
    REQUIRE_FALSE(sql);
    CHECK(sql.error().detail.find("invalid byte sequence") != std::string::npos);
}
