#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/backends/http/http_state_blob.h"
#include "core/state/lock_info.h"
#include "tests/unit/core/net/fake_transport.h"

using namespace plinth;
using namespace plinth::backends;
using plinth::testing::http_answer;
using plinth::testing::HttpOutcome;
using plinth::testing::ScriptedTransport;

namespace {

constexpr const char* k_address = "http://127.0.0.1:1/state/app";
constexpr const char* k_lock = "http://127.0.0.1:1/lock/app";

HttpBackendConfig config(bool locking) {
    HttpBackendConfig result;
    result.address = k_address;
    if (locking) result.lock_address = result.unlock_address = k_lock;
    result.retry.retries = 0;
    result.location = SourceLocation{"main.yaml", 2, 1};
    return result;
}

struct Harness {
    explicit Harness(std::deque<HttpOutcome> script, bool locking = true)
        : transport(std::make_shared<ScriptedTransport>(std::move(script))),
          blob(config(locking), plinth::testing::scripted_client(transport)) {}
    net::HttpRequest request(std::size_t index) const { return transport->requests().at(index); }
    std::shared_ptr<ScriptedTransport> transport;
    HttpStateBlob blob;
};

// Answers LOCK with 423 and the request's own lock info: what a server says to a LOCK tried again
// after its first answer was lost.
class EchoingLockTransport final : public net::Transport {
public:
    HttpOutcome perform(const net::HttpRequest& request) const override {
        if (request.method == "LOCK") return http_answer(423, request.body);
        return http_answer(200);
    }
};

const char* k_holder = R"json({"ID":"other-id","Operation":"apply","Who":"ann@ci (pid 7)","Version":"0.1.0",)json"
                       R"json("Created":"2024-01-01T00:00:00Z","Path":"http://127.0.0.1:1/state/app"})json";

}  // namespace

TEST_CASE("http_state_blob: GET reads the state; 404, 204 and an empty body mean none yet") {
    Harness http({http_answer(404), http_answer(204), http_answer(200, ""), http_answer(200, "{\"serial\": 3}")});
    for (int none = 0; none < 3; ++none) {
        auto absent = http.blob.get();
        REQUIRE(absent);
        CHECK_FALSE(*absent);
    }
    auto present = http.blob.get();
    REQUIRE(present);
    CHECK(**present == "{\"serial\": 3}");
    CHECK(http.request(0).method == "GET");
    CHECK(http.request(0).url == k_address);
    CHECK(http.blob.describe() == k_address);
}

TEST_CASE("http_state_blob: a refusal carries the server's message verbatim, at the backend block") {
    Harness http({http_answer(500, "database is read-only\n")});
    auto read = http.blob.get();
    REQUIRE_FALSE(read);
    CHECK(read.error().summary == std::string("cannot read the state: GET ") + k_address + " answered HTTP 500");
    CHECK(read.error().detail == "The server said: database is read-only");
    CHECK(read.error().location.to_string() == "main.yaml:2:1");

    Harness denied({http_answer(401)});
    auto stored = denied.blob.put("{}");
    REQUIRE_FALSE(stored);
    CHECK(stored.error().detail.find("PLINTH_HTTP_USERNAME") != std::string::npos);
}

TEST_CASE("http_state_blob: no answer at all is an error naming the request") {
    Harness http({std::unexpected(net::TransportError{net::TransportError::Kind::Connection, "Connection refused"})});
    auto read = http.blob.get();
    REQUIRE_FALSE(read);
    CHECK(read.error().summary == std::string("cannot read the state: GET ") + k_address + " failed");
    CHECK(read.error().detail == "Connection refused.");
}

TEST_CASE("http_state_blob: LOCK, POST with ?ID= while locked, UNLOCK with the same lock info") {
    Harness http({http_answer(200)});
    std::string id;
    {
        auto lock = http.blob.lock("apply", std::chrono::milliseconds{0});
        REQUIRE(lock);
        id = (*lock)->info().id;
        REQUIRE(http.blob.put("{\"serial\": 1}"));
    }
    REQUIRE(http.blob.put("{\"serial\": 2}"));
    auto lock_request = http.request(0);
    CHECK(lock_request.method == "LOCK");
    CHECK(lock_request.url == k_lock);
    auto info = lock_info_from_json(lock_request.body);
    CHECK(info.id == id);
    CHECK(info.operation == "apply");
    CHECK(info.path == k_address);
    CHECK(http.request(1).method == "POST");
    CHECK(http.request(1).url == std::string(k_address) + "?ID=" + id);
    CHECK(http.request(1).body == "{\"serial\": 1}");
    CHECK(http.request(2).method == "UNLOCK");
    CHECK(http.request(2).url == k_lock);
    CHECK(http.request(2).body == lock_request.body);
    CHECK(http.request(3).url == k_address);
}

TEST_CASE("http_state_blob: 423 or 409 on LOCK names the holder from the body") {
    for (long status : {423L, 409L}) {
        Harness http({http_answer(status, k_holder)});
        auto lock = http.blob.lock("plan", std::chrono::milliseconds{0});
        REQUIRE_FALSE(lock);
        CHECK(lock.error().summary == "Error acquiring the state lock");
        CHECK(lock.error().detail.find("ann@ci (pid 7)") != std::string::npos);
        CHECK(lock.error().detail.find("other-id") != std::string::npos);
        CHECK(http.transport->tries() == 1);
    }
}

TEST_CASE("http_state_blob: a LOCK that finds its own lock info holds the lock") {
    net::HttpClient echoing(std::make_shared<EchoingLockTransport>(), [](std::chrono::milliseconds) {},
                            [] { return std::time_t{0}; }, [] { return 0.0; });
    HttpStateBlob retried(config(true), echoing);
    CHECK(retried.lock("apply", std::chrono::milliseconds{0}));
}

TEST_CASE("http_state_blob: without lock_address nothing is locked or sent") {
    Harness http({http_answer(200)}, false);
    {
        auto lock = http.blob.lock("apply", std::chrono::milliseconds{0});
        REQUIRE(lock);
        REQUIRE(http.blob.put("{}"));
    }
    REQUIRE(http.transport->tries() == 1);
    CHECK(http.request(0).url == k_address);
    auto unlock = http.blob.force_unlock("any");
    REQUIRE_FALSE(unlock);
    CHECK(unlock.error().summary == "this http backend has no `unlock_address`");
}

TEST_CASE("http_state_blob: force-unlock sends the ID; the server's holder refuses another") {
    Harness http({http_answer(409, k_holder), http_answer(200)});
    auto refused = http.blob.force_unlock("wrong-id");
    REQUIRE_FALSE(refused);
    CHECK(refused.error().summary == "lock ID `wrong-id` is not the current lock's");
    CHECK(refused.error().detail.find("other-id") != std::string::npos);
    CHECK(nlohmann::json::parse(http.request(0).body)["ID"] == "wrong-id");
    CHECK(http.request(0).method == "UNLOCK");
    REQUIRE(http.blob.force_unlock("other-id"));
}
