#include <catch2/catch.hpp>

#include "../core/net/fake_transport.h"
#include "providers/http/http_request_data.h"

using namespace plinth;
using namespace plinth::providers;
using plinth::testing::http_answer;
using plinth::testing::ScriptedTransport;

namespace {

struct Harness {
    explicit Harness(std::deque<plinth::testing::HttpOutcome> script)
        : transport(std::make_shared<ScriptedTransport>(std::move(script))),
          source(http::make_http_request_data_source(plinth::testing::scripted_client(transport, &waits))) {}
    std::shared_ptr<ScriptedTransport> transport;
    std::vector<std::chrono::milliseconds> waits;
    std::unique_ptr<DataSourceType> source;
};

Value config(ValueMap extra = {}) {
    ValueMap attributes{{"url", Value("http://127.0.0.1:1/config")}};
    for (auto& [name, value] : extra) attributes.insert_or_assign(name, value);
    return Value(std::move(attributes));
}

}  // namespace

TEST_CASE("http_request: the answer's status, headers, body and JSON") {
    Harness harness({http_answer(200, R"({"name": "x", "n": 2})", {{"content-type", "application/json"}})});
    auto read = harness.source->read(config({{"request_headers", Value(ValueMap{{"X-Token", Value("t")}})}}));
    REQUIRE(read);
    CHECK(*read->find("status_code") == Value(200));
    CHECK(*read->find("response_headers")->find("content-type") == Value("application/json"));
    CHECK(*read->find("response_json")->find("n") == Value(2));
    CHECK(*read->find("method") == Value("GET"));
    auto sent = harness.transport->requests().at(0);
    CHECK(sent.headers == net::Headers{{"X-Token", "t"}});
    CHECK(sent.timeout == std::chrono::seconds{30});
}

TEST_CASE("http_request: a body that is not JSON gives a null response_json; any status is an answer") {
    Harness harness({http_answer(404, "not here")});
    auto read = harness.source->read(config());
    REQUIRE(read);
    CHECK(*read->find("status_code") == Value(404));
    CHECK(*read->find("response_body") == Value("not here"));
    CHECK(read->find("response_json")->is_null());
}

TEST_CASE("http_request: retry settings drive the retries") {
    Harness harness({http_answer(500), http_answer(200, "ok")});
    ValueMap retry{{"attempts", Value(1)}, {"min_delay", Value("10ms")}, {"max_delay", Value("20ms")}};
    auto read = harness.source->read(config({{"retry", Value(retry)}, {"timeout", Value("2s")}}));
    REQUIRE(read);
    CHECK(*read->find("status_code") == Value(200));
    CHECK(harness.waits == std::vector<std::chrono::milliseconds>{std::chrono::milliseconds{20}});
    CHECK(harness.transport->requests().at(0).timeout == std::chrono::seconds{2});
}

TEST_CASE("http_request: bad settings name their attribute") {
    Harness harness({http_answer(200)});
    CHECK(harness.source->read(config({{"method", Value("get")}})).error().attribute == "method");
    CHECK(harness.source->read(config({{"timeout", Value("fast")}})).error().attribute == "timeout");
    CHECK(harness.source->read(config({{"retry", Value(ValueMap{{"tries", Value(1)}})}})).error().attribute == "retry");
    ValueMap inverted{{"min_delay", Value("1m")}, {"max_delay", Value("1s")}};
    CHECK(harness.source->read(config({{"retry", Value(inverted)}})).error().attribute == "retry");
    CHECK(harness.transport->tries() == 0);
}

TEST_CASE("http_request: no answer at all is an error on url") {
    Harness harness({std::unexpected(net::TransportError{net::TransportError::Kind::Timeout, "slow"})});
    auto read = harness.source->read(config({{"retry", Value(ValueMap{{"attempts", Value(0)}})}}));
    REQUIRE_FALSE(read);
    CHECK(read.error().kind == ProviderError::Kind::Timeout);
    CHECK(read.error().attribute == "url");
}
