#include <catch2/catch.hpp>

#include "core/name_suggestion.h"

using namespace plinth;

TEST_CASE("name_suggestion: close names are suggested") {
    std::vector<std::string> names{"website", "database", "db"};
    CHECK(did_you_mean("webiste", names) == "did you mean `website`?");
    CHECK(did_you_mean("databse", names) == "did you mean `database`?");
    CHECK(did_you_mean("dc", names) == "did you mean `db`?");
}

TEST_CASE("name_suggestion: far names are not") {
    std::vector<std::string> names{"website", "db"};
    CHECK(did_you_mean("queue", names).empty());
    CHECK(did_you_mean("x", names).empty());
    CHECK(did_you_mean("web", {}).empty());
}
