#include <catch2/catch.hpp>
#include <algorithm>
#include <arpa/inet.h>
#include <chrono>
#include <fmt/format.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "core/backends/backend_factory.h"
#include "core/backends/pg/pg_connection.h"

using namespace plinth;
using namespace plinth::backends;

namespace {

// A port on 127.0.0.1 that is bound but not listening, so connecting to it is refused at once.
class RefusingPort {
public:
    RefusingPort() : m_socket(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_socket, reinterpret_cast<sockaddr*>(&address), sizeof address);
        socklen_t length = sizeof address;
        ::getsockname(m_socket, reinterpret_cast<sockaddr*>(&address), &length);
        m_port = ntohs(address.sin_port);
    }
    ~RefusingPort() { ::close(m_socket); }
    RefusingPort(const RefusingPort&) = delete;
    RefusingPort& operator=(const RefusingPort&) = delete;

    int port() const { return m_port; }

private:
    int m_socket;
    int m_port = 0;
};

}  // namespace

TEST_CASE("pg connection: plinth's timeouts come first so that the connection string overrides them") {
    auto parameters = pg_connect_parameters("postgres://app@db/infra?connect_timeout=3");
    REQUIRE_FALSE(parameters.empty());
    CHECK(parameters.back() == std::pair<std::string, std::string>{"dbname", "postgres://app@db/infra?connect_timeout=3"});
    auto has = [&](const std::string& keyword) {
        return std::any_of(parameters.begin(), parameters.end() - 1,
                           [&](const auto& parameter) { return parameter.first == keyword; });
    };
    CHECK(has("connect_timeout"));
    CHECK(has("keepalives_idle"));
    CHECK(has("tcp_user_timeout"));
    CHECK(has("application_name"));
}

TEST_CASE("pg connection: a refused connection is an error carrying libpq's message, not a hang") {
    RefusingPort port;
    auto started = std::chrono::steady_clock::now();
    auto connection = PgConnection::open(fmt::format("host=127.0.0.1 port={} user=nobody dbname=x", port.port()));
    REQUIRE_FALSE(connection);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
    CHECK(connection.error().summary == "cannot connect to PostgreSQL for the pg backend");
    CHECK(connection.error().detail.find("Connection refused") != std::string::npos);
}

TEST_CASE("pg connection: opening the backend on a refused server points at the backend block") {
    RefusingPort port;
    BackendDecl decl;
    decl.type = "pg";
    decl.location = SourceLocation{"main.yaml", 3, 1};
    decl.settings["conn_str"] = {fmt::format("postgres://nobody@127.0.0.1:{}/x", port.port()), {"main.yaml", 4, 13}};
    auto backend = open_backend(decl, ".");
    REQUIRE_FALSE(backend);
    CHECK(backend.error().detail.find("Connection refused") != std::string::npos);
    CHECK(backend.error().location.line == 3);
}
