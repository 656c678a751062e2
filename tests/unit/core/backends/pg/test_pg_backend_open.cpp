#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "core/backends/backend_factory.h"
#include "tests/unit/core/pg/refusing_port.h"

using namespace plinth;
using namespace plinth::backends;

TEST_CASE("pg backend: opening the backend on a refused server points at the backend block") {
    RefusingPort port;
    BackendDecl decl;
    decl.type = "pg";
    decl.location = SourceLocation{"main.yaml", 3, 1};
    decl.settings["conn_str"] = {fmt::format("postgres://nobody@127.0.0.1:{}/x", port.port()), {"main.yaml", 4, 13}};
    auto backend = open_backend(decl, ".");
    REQUIRE_FALSE(backend);
    CHECK(backend.error().summary == "cannot connect to PostgreSQL for the pg backend");
    CHECK(backend.error().detail.find("Connection refused") != std::string::npos);
    CHECK(backend.error().location.line == 3);
}
