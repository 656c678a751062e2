#include <catch2/catch.hpp>
#include <algorithm>
#include <chrono>
#include <fmt/format.h>

#include "core/pg/pg_connection.h"
#include "refusing_port.h"

using namespace plinth;
using namespace plinth::pg;

namespace {

bool has_keyword(const ConnectParameters& parameters, const std::string& keyword) {
    return std::any_of(parameters.begin(), parameters.end(),
                       [&](const auto& parameter) { return parameter.first == keyword; });
}

}  // namespace

TEST_CASE("pg connection: plinth's timeouts come first so that the connection string overrides them") {
    auto parameters = connect_parameters("postgres://app@db/infra?connect_timeout=3");
    REQUIRE_FALSE(parameters.empty());
    CHECK(parameters.back() == std::pair<std::string, std::string>{"dbname", "postgres://app@db/infra?connect_timeout=3"});
    parameters.pop_back();
    CHECK(has_keyword(parameters, "connect_timeout"));
    CHECK(has_keyword(parameters, "keepalives_idle"));
    CHECK(has_keyword(parameters, "tcp_user_timeout"));
    CHECK(has_keyword(parameters, "application_name"));
}

TEST_CASE("pg connection: keyword settings follow plinth's defaults, so they win") {
    ConnectParameters settings = {{"host", "db"}, {"dbname", "a=b"}, {"connect_timeout", "3"}};
    auto parameters = connect_parameters(settings);
    REQUIRE(parameters.size() > settings.size());
    CHECK(ConnectParameters(parameters.end() - 3, parameters.end()) == settings);
    CHECK(has_keyword(ConnectParameters(parameters.begin(), parameters.end() - 3), "connect_timeout"));
}

TEST_CASE("pg connection: a refused connection is an error carrying libpq's message, not a hang") {
    RefusingPort port;
    auto started = std::chrono::steady_clock::now();
    auto connection = PgConnection::open(fmt::format("host=127.0.0.1 port={} user=nobody dbname=x", port.port()),
                                         "for the pg backend");
    REQUIRE_FALSE(connection);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
    CHECK(connection.error().summary == "cannot connect to PostgreSQL for the pg backend");
    CHECK(connection.error().detail.find("Connection refused") != std::string::npos);
}

TEST_CASE("pg connection: keyword settings connect the same way and say what the connection was for") {
    RefusingPort port;
    ConnectParameters settings = {{"host", "127.0.0.1"}, {"port", std::to_string(port.port())}, {"user", "nobody"},
                                  {"dbname", "host=elsewhere"}};
    auto connection = PgConnection::open(settings, "for provider \"postgresql\"");
    REQUIRE_FALSE(connection);
    CHECK(connection.error().summary == "cannot connect to PostgreSQL for provider \"postgresql\"");
    CHECK(connection.error().detail.find("Connection refused") != std::string::npos);
    CHECK(connection.error().detail.find("elsewhere") == std::string::npos);
}
