#include <catch2/catch.hpp>

#include "core/backends/http/http_backend.h"
#include "tests/unit/core/net/fake_transport.h"

using namespace plinth;
using namespace plinth::backends;
using plinth::testing::http_answer;
using plinth::testing::HttpOutcome;
using plinth::testing::ScriptedTransport;

namespace {

HttpBackendConfig backend_config(const std::string& address, const std::string& workspaces_address = {}) {
    HttpBackendConfig result;
    result.address = address;
    result.workspaces_address = workspaces_address;
    result.retry.retries = 0;
    result.location = SourceLocation{"main.yaml", 2, 1};
    return result;
}

struct BackendHarness {
    BackendHarness(HttpBackendConfig config, std::deque<HttpOutcome> script)
        : transport(std::make_shared<ScriptedTransport>(std::move(script))),
          backend(std::move(config), "/tmp/stack", plinth::testing::scripted_client(transport)) {}
    std::shared_ptr<ScriptedTransport> transport;
    HttpBackend backend;
};

}  // namespace

TEST_CASE("http_backend: fixed addresses hold only the default workspace") {
    BackendHarness harness(backend_config("http://127.0.0.1:1/state/app"), {http_answer(200)});
    auto names = harness.backend.workspaces();
    REQUIRE(names);
    CHECK(*names == std::vector<std::string>{"default"});
    CHECK(*harness.backend.has_workspace("default"));
    CHECK_FALSE(*harness.backend.has_workspace("staging"));
    auto opened = harness.backend.open("staging");
    REQUIRE_FALSE(opened);
    CHECK(opened.error().summary == "the http backend has no workspace `staging`: it has only `default`");
    CHECK(harness.transport->tries() == 0);
}

TEST_CASE("http_backend: workspaces_address lists the workspaces, default first") {
    BackendHarness harness(backend_config("http://127.0.0.1:1/state/{workspace}", "http://127.0.0.1:1/states"),
                           {http_answer(200, R"(["prod", "default", "dev", "bad name", "dev"])")});
    auto names = harness.backend.workspaces();
    REQUIRE(names);
    CHECK(*names == std::vector<std::string>{"default", "dev", "prod"});
    CHECK(harness.transport->requests().at(0).method == "GET");
    CHECK(harness.transport->requests().at(0).url == "http://127.0.0.1:1/states");
}

TEST_CASE("http_backend: a list that is not a JSON array of names is an error") {
    BackendHarness harness(backend_config("http://127.0.0.1:1/state/{workspace}", "http://127.0.0.1:1/states"),
                           {http_answer(200, R"({"workspaces": []})")});
    auto names = harness.backend.workspaces();
    REQUIRE_FALSE(names);
    CHECK(names.error().summary == "cannot list the workspaces: the answer is not a JSON array of workspace names");
    CHECK(names.error().location.to_string() == "main.yaml:2:1");
}

TEST_CASE("http_backend: without workspaces_address listing is refused, existence is asked") {
    BackendHarness harness(backend_config("http://127.0.0.1:1/state/{workspace}"),
                           {http_answer(200, R"({"version": 4})"), http_answer(404)});
    auto names = harness.backend.workspaces();
    REQUIRE_FALSE(names);
    CHECK(names.error().summary == "this http backend cannot list its workspaces");
    CHECK(*harness.backend.has_workspace("dev"));
    CHECK_FALSE(*harness.backend.has_workspace("prod"));
    auto requests = harness.transport->requests();
    REQUIRE(requests.size() == 2);
    CHECK(requests[0].url == "http://127.0.0.1:1/state/dev");
    CHECK(requests[1].url == "http://127.0.0.1:1/state/prod");
}

TEST_CASE("http_backend: deleting a workspace sends DELETE to its address") {
    BackendHarness harness(backend_config("http://127.0.0.1:1/state/{workspace}"),
                           {http_answer(200), http_answer(500, "disk full")});
    REQUIRE(harness.backend.delete_workspace("dev"));
    CHECK(harness.transport->requests().at(0).method == "DELETE");
    CHECK(harness.transport->requests().at(0).url == "http://127.0.0.1:1/state/dev");
    auto refused = harness.backend.delete_workspace("prod");
    REQUIRE_FALSE(refused);
    CHECK(refused.error().summary ==
          "cannot delete workspace `prod`: DELETE http://127.0.0.1:1/state/prod answered HTTP 500");
    CHECK(refused.error().detail == "The server said: disk full");
}
