#include <catch2/catch.hpp>

#include "fake_transport.h"
#include "core/net/http_client.h"

using namespace plinth::net;
using std::chrono::milliseconds;

namespace {

using plinth::testing::http_answer;
using plinth::testing::HttpOutcome;
using plinth::testing::ScriptedTransport;

HttpOutcome failure(TransportError::Kind kind) { return std::unexpected(TransportError{kind, "connection reset"}); }

struct Harness {
    explicit Harness(std::deque<HttpOutcome> script)
        : transport(std::make_shared<ScriptedTransport>(std::move(script))),
          client(plinth::testing::scripted_client(transport, &waits)) {}
    std::shared_ptr<ScriptedTransport> transport;
    std::vector<milliseconds> waits;
    HttpClient client;
};

RetryPolicy policy(int retries) {
    RetryPolicy result;
    result.retries = retries;
    result.min_delay = milliseconds{10};
    result.max_delay = milliseconds{100};
    return result;
}

HttpRequest request(std::string method) {
    HttpRequest result;
    result.method = std::move(method);
    result.url = "http://127.0.0.1:1/things";
    return result;
}

}  // namespace

TEST_CASE("http_client: 500 then 200 is retried with growing waits") {
    Harness harness({http_answer(500), http_answer(502), http_answer(200, "ok")});
    auto response = harness.client.send(request("GET"), policy(3));
    REQUIRE(response);
    CHECK(response->status == 200);
    CHECK(response->body == "ok");
    CHECK(harness.transport->tries() == 3);
    CHECK(harness.waits == std::vector<milliseconds>{milliseconds{20}, milliseconds{40}});
}

TEST_CASE("http_client: when retries run out the last response is returned") {
    Harness harness({http_answer(503, "busy")});
    auto response = harness.client.send(request("GET"), policy(2));
    REQUIRE(response);
    CHECK(response->status == 503);
    CHECK(harness.transport->tries() == 3);
}

TEST_CASE("http_client: 429 waits what Retry-After asks, and gives up when it asks too much") {
    Harness harness({http_answer(429, "", {{"retry-after", "2"}}), http_answer(204)});
    auto response = harness.client.send(request("GET"), policy(1));
    REQUIRE(response);
    CHECK(response->status == 204);
    CHECK(harness.waits == std::vector<milliseconds>{milliseconds{2'000}});

    Harness greedy({http_answer(429, "", {{"retry-after", "3600"}}), http_answer(204)});
    auto refused = greedy.client.send(request("GET"), policy(5));
    REQUIRE(refused);
    CHECK(refused->status == 429);
    CHECK(greedy.transport->tries() == 1);
}

TEST_CASE("http_client: POST and PATCH are not retried unless the policy opts in") {
    for (std::string method : {"POST", "PATCH"}) {
        Harness harness({http_answer(500), http_answer(201)});
        auto response = harness.client.send(request(method), policy(3));
        REQUIRE(response);
        CHECK(response->status == 500);
        CHECK(harness.transport->tries() == 1);

        Harness opted({failure(TransportError::Kind::Connection), http_answer(201)});
        RetryPolicy retry_all = policy(3);
        retry_all.retry_non_idempotent = true;
        auto created = opted.client.send(request(method), retry_all);
        REQUIRE(created);
        CHECK(created->status == 201);
    }
}

TEST_CASE("http_client: connection failures are retried and end as typed errors") {
    Harness harness({failure(TransportError::Kind::Connection)});
    auto response = harness.client.send(request("DELETE"), policy(2));
    REQUIRE_FALSE(response);
    CHECK(response.error().kind == NetError::Kind::Transient);
    CHECK(response.error().summary == "DELETE http://127.0.0.1:1/things failed (after 3 tries)");
    CHECK(response.error().detail == "connection reset.");
    CHECK(harness.transport->tries() == 3);

    Harness slow({failure(TransportError::Kind::Timeout)});
    auto timed_out = slow.client.send(request("GET"), policy(0));
    REQUIRE_FALSE(timed_out);
    CHECK(timed_out.error().kind == NetError::Kind::Timeout);

    Harness broken({failure(TransportError::Kind::Other), http_answer(200)});
    auto refused = broken.client.send(request("GET"), policy(3));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == NetError::Kind::Error);
    CHECK(broken.transport->tries() == 1);
}

TEST_CASE("http_client: header look-up ignores case; idempotent methods") {
    HttpResponse response = http_answer(200, "", {{"content-type", "application/json"}});
    CHECK(response.header("Content-Type") == "application/json");
    CHECK_FALSE(response.header("Retry-After"));
    CHECK(is_idempotent("PUT"));
    CHECK_FALSE(is_idempotent("POST"));
    CHECK_FALSE(is_idempotent("PATCH"));
    CHECK_FALSE(is_idempotent("LOCK"));
}
