#include <catch2/catch.hpp>

#include "../core/net/fake_transport.h"
#include "providers/http_client/http_errors.h"

using namespace plinth::providers::http_client;
using plinth::net::NetError;
using plinth::providers::ProviderError;
using plinth::testing::http_answer;

TEST_CASE("http_errors: statuses map to provider error kinds") {
    plinth::net::HttpRequest get;
    get.url = "http://127.0.0.1:1/things";
    CHECK(status_error(get, http_answer(404)).kind == ProviderError::Kind::NotFound);
    CHECK(status_error(get, http_answer(410)).kind == ProviderError::Kind::NotFound);
    CHECK(status_error(get, http_answer(503)).kind == ProviderError::Kind::Transient);
    ProviderError refused = status_error(get, http_answer(400, "bad field"));
    CHECK(refused.kind == ProviderError::Kind::Error);
    CHECK(refused.summary == "GET http://127.0.0.1:1/things answered HTTP 400");
    CHECK(refused.detail == "The server said: bad field");
    CHECK(status_error(get, http_answer(500, std::string(400, 'x'))).detail == "The server said: " + std::string(300, 'x') + "...");
}

TEST_CASE("http_errors: a request without an answer keeps its kind, summary and detail") {
    ProviderError timed_out = provider_error_of(NetError{NetError::Kind::Timeout, "GET u timed out", "slow."});
    CHECK(timed_out.kind == ProviderError::Kind::Timeout);
    CHECK(timed_out.summary == "GET u timed out");
    CHECK(timed_out.detail == "slow.");
    CHECK(provider_error_of(NetError{NetError::Kind::Transient, "s", "d"}).kind == ProviderError::Kind::Transient);
    CHECK(provider_error_of(NetError{NetError::Kind::Error, "s", "d"}).kind == ProviderError::Kind::Error);
}
