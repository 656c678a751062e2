#include <catch2/catch.hpp>

#include "core/name_suggestion.h"

using namespace plinth;

TEST_CASE("name_suggestion: close names are suggested") {
    std::vector<std::string> names{"website", "database", "db"};
    CHECK(did_you_mean("webiste", names) == "did you mean `website`?");
    CHECK(did_you_mean("databse", names) == "did you mean `database`?");
    CHECK(did_you_mean("dc", names) == "did you mean `db`?");
}

TEST_CASE("name_suggestion: swapped neighbours are one edit") {
    std::vector<std::string> names{"name", "port", "tags"};
    CHECK(did_you_mean("nmae", names) == "did you mean `name`?");
    CHECK(did_you_mean("prot", names) == "did you mean `port`?");
    CHECK(did_you_mean("tgas", names) == "did you mean `tags`?");
    CHECK(did_you_mean("mnae", names).empty());
}

TEST_CASE("name_suggestion: far names are not") {
    std::vector<std::string> names{"website", "db"};
    CHECK(did_you_mean("queue", names).empty());
    CHECK(did_you_mean("x", names).empty());
    CHECK(did_you_mean("web", {}).empty());
}
