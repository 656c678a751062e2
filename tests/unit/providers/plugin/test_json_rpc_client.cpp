#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <future>
#include <thread>
#include <vector>

#include "providers/plugin/json_rpc_client.h"

using namespace plinth;
using namespace plinth::providers;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

const std::filesystem::path k_echo = std::filesystem::path(PLINTH_SOURCE_DIR) / "tests/fixtures/plugins/rpc-echo";

std::unique_ptr<JsonRpcClient> start_echo() {
    auto client = JsonRpcClient::start("echo", k_echo, 2s);
    REQUIRE(client);
    return std::move(*client);
}

}  // namespace

TEST_CASE("json_rpc_client: answers are matched to their calls by id, in whatever order they come") {
    auto client = start_echo();
    REQUIRE(client->call("sleep", {{"ms", 0}, {"value", "warm"}}, 10s) == json("warm"));  // it has started
    // The first call is answered last: each waits for its own answer, not the next line.
    auto started = std::chrono::steady_clock::now();
    std::vector<std::future<std::expected<json, RpcFailure>>> calls;
    for (int i = 0; i < 8; ++i)
        calls.push_back(std::async(std::launch::async, [&, i] {
            return client->call("sleep", {{"ms", 400 - i * 50}, {"value", i}}, 10s);
        }));
    for (int i = 0; i < 8; ++i) {
        auto answer = calls[i].get();
        REQUIRE(answer);
        CHECK(*answer == i);
    }
    // Concurrent, not one after another (which would take 2.2s).
    CHECK(std::chrono::steady_clock::now() - started < 1500ms);
}

TEST_CASE("json_rpc_client: an error answer keeps its code, message and data") {
    auto client = start_echo();
    auto answer = client->call("fail", json::object(), 10s);
    REQUIRE_FALSE(answer);
    CHECK(answer.error().kind == RpcFailure::Kind::Remote);
    CHECK(answer.error().code == 1);
    CHECK(answer.error().message == "no such thing");
    CHECK(answer.error().data["kind"] == "not_found");
    // The plugin is still fine.
    CHECK(client->call("sleep", {{"ms", 0}, {"value", "after"}}, 10s) == json("after"));
}

TEST_CASE("json_rpc_client: an answer nobody waits for is ignored") {
    auto client = start_echo();
    CHECK(client->call("stray", json::object(), 10s) == json("ok"));
}

TEST_CASE("json_rpc_client: a plugin that dies fails its calls with how it ended and its last stderr lines") {
    auto client = start_echo();
    auto waiting = std::async(std::launch::async, [&] { return client->call("hang", json::object(), 10s); });
    auto answer = client->call("crash", json::object(), 10s);
    REQUIRE_FALSE(answer);
    CHECK(answer.error().kind == RpcFailure::Kind::Broken);
    CHECK(answer.error().message ==
          fmt::format("provider plugin `echo` ({}) stopped unexpectedly: it exited with status 3", k_echo.string()));
    CHECK(answer.error().detail == "Its last lines on stderr:\n  Traceback (most recent call last):\n"
                                   "    File \"rpc-echo\", line 1\n  RuntimeError: boom");
    auto other = waiting.get();
    REQUIRE_FALSE(other);
    CHECK(other.error().message == answer.error().message);
    auto later = client->call("sleep", {{"ms", 0}, {"value", 1}}, 10s);
    REQUIRE_FALSE(later);
    CHECK(later.error().message == answer.error().message);
}

TEST_CASE("json_rpc_client: a call not answered in time stops the plugin; later calls fail at once") {
    auto client = start_echo();
    auto answer = client->call("hang", json::object(), 200ms);
    REQUIRE_FALSE(answer);
    CHECK(answer.error().kind == RpcFailure::Kind::Timeout);
    CHECK_THAT(answer.error().message, Catch::EndsWith("did not answer `hang` within 200ms and was stopped"));
    CHECK_THAT(answer.error().detail, Catch::Contains("PLINTH_PLUGIN_TIMEOUT"));
    auto started = std::chrono::steady_clock::now();
    auto later = client->call("sleep", {{"ms", 0}, {"value", 1}}, 10s);
    REQUIRE_FALSE(later);
    CHECK(later.error().kind == RpcFailure::Kind::Broken);
    CHECK(later.error().message == answer.error().message);
    CHECK(std::chrono::steady_clock::now() - started < 100ms);
}

TEST_CASE("json_rpc_client: a line that is not JSON-RPC is quoted, truncated, and stops the plugin") {
    auto client = start_echo();
    auto answer = client->call("garbage", json::object(), 10s);
    REQUIRE_FALSE(answer);
    CHECK(answer.error().kind == RpcFailure::Kind::Broken);
    CHECK_THAT(answer.error().message,
               Catch::Contains("wrote a line that is not a JSON-RPC answer: `this is not json xxx"));
    CHECK_THAT(answer.error().message, Catch::EndsWith("... (317 bytes in all)`"));
    CHECK_FALSE(client->call("sleep", {{"ms", 0}, {"value", 1}}, 10s));
}

TEST_CASE("json_rpc_client: an executable that cannot run is an error naming it") {
    auto client = JsonRpcClient::start("ghost", "/no/such/plinth-provider-ghost", 2s);
    REQUIRE_FALSE(client);
    CHECK_THAT(client.error().message,
               Catch::StartsWith("provider plugin `ghost` (/no/such/plinth-provider-ghost) does not start: cannot run"));
}

TEST_CASE("json_rpc_client: shutdown kills a plugin that does not exit when its stdin closes") {
    auto client = JsonRpcClient::start("echo", k_echo, 300ms);
    REQUIRE(client);
    REQUIRE((*client)->call("linger", json::object(), 10s) == json("ok"));
    auto started = std::chrono::steady_clock::now();
    client->reset();
    CHECK(std::chrono::steady_clock::now() - started < 3s);
}
