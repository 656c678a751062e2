#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include "providers/postgresql/connection_cache.h"
#include "tests/unit/core/pg/refusing_port.h"

using namespace plinth;
using namespace plinth::providers::postgresql;

namespace {

PostgresqlSettings refusing_settings(int port) {
    PostgresqlSettings settings;
    settings.server = {{"host", "127.0.0.1"}, {"port", std::to_string(port)}, {"connect_timeout", "2"}};
    settings.database = "infra";
    return settings;
}

}  // namespace

TEST_CASE("postgresql: the connection cache must be configured before use") {
    ConnectionCache cache;
    bool ran = false;
    auto done = cache.run("infra", [&](pg::PgConnection&) -> providers::Result<void> {
        ran = true;
        return {};
    });
    REQUIRE_FALSE(done);
    CHECK(done.error().summary == "The postgresql provider is not configured");
    CHECK_FALSE(ran);
}

TEST_CASE("postgresql: a failed connection is not kept, and callers on many threads each get the error") {
    RefusingPort port;
    ConnectionCache cache;
    cache.configure(refusing_settings(port.port()));
    CHECK(cache.default_database() == "infra");
    std::atomic<int> failures = 0;
    std::atomic<int> ran = 0;
    std::vector<std::thread> threads;
    for (const char* database : {"infra", "app", "infra", "app"})
        threads.emplace_back([&, database] {
            auto done = cache.run(database, [&](pg::PgConnection&) -> providers::Result<void> {
                ++ran;
                return {};
            });
            if (!done && done.error().detail.find("Connection refused") != std::string::npos) ++failures;
        });
    for (auto& thread : threads) thread.join();
    CHECK(failures == 4);
    CHECK(ran == 0);
    cache.forget("app");
    cache.forget("never-used");
    auto again = cache.run("app", [](pg::PgConnection&) -> providers::Result<void> { return {}; });
    REQUIRE_FALSE(again);
    CHECK(again.error().summary == "cannot connect to PostgreSQL database \"app\"");
}
