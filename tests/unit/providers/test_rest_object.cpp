#include <catch2/catch.hpp>

#include "../core/net/fake_transport.h"
#include "providers/rest/rest_object.h"

using namespace plinth;
using namespace plinth::providers;
using namespace plinth::providers::rest;
using plinth::testing::http_answer;
using plinth::testing::ScriptedTransport;

namespace {

struct Harness {
    explicit Harness(std::deque<plinth::testing::HttpOutcome> script)
        : transport(std::make_shared<ScriptedTransport>(std::move(script))),
          api(std::make_shared<RestApi>(plinth::testing::scripted_client(transport))),
          type(make_rest_object(api)) {
        RestSettings settings;
        settings.base_url = "http://127.0.0.1:1/api";
        api->configure(settings);
    }
    std::string sent(std::size_t i) const {
        auto requests = transport->requests();
        return requests.at(i).method + " " + requests.at(i).url;
    }
    std::shared_ptr<ScriptedTransport> transport;
    std::shared_ptr<RestApi> api;
    std::unique_ptr<ResourceType> type;
};

Value planned_object(ValueMap extra = {}) {
    ValueMap attributes{{"path", Value("/posts")},
                        {"data", Value(ValueMap{{"title", Value("hello")}, {"views", Value(1)}})},
                        {"id_attribute", Value("id")},
                        {"create_method", Value("POST")},
                        {"update_method", Value("PUT")},
                        {"read_path", Value{}},
                        {"update_path", Value{}},
                        {"destroy_path", Value{}},
                        {"id", Value::unknown()},
                        {"api_response", Value::unknown()}};
    for (auto& [name, value] : extra) attributes.insert_or_assign(name, value);
    return Value(std::move(attributes));
}

}  // namespace

TEST_CASE("rest_object: create posts the data and takes the id from the answer") {
    Harness harness({http_answer(201, R"({"id": 5, "title": "hello", "views": 1})")});
    auto created = harness.type->create(planned_object());
    REQUIRE(created);
    CHECK(*created->find("id") == Value("5"));
    CHECK(created->find("api_response")->find("title") != nullptr);
    CHECK(harness.sent(0) == "POST http://127.0.0.1:1/api/posts");
    CHECK(harness.transport->requests()[0].body == R"({"title":"hello","views":1})");
}

TEST_CASE("rest_object: a nested id attribute, and an answer without the object read back") {
    Harness harness({http_answer(200, R"({"data": {"id": "abc"}})"),
                     http_answer(200, R"({"data": {"id": "abc", "title": "hello"}})")});
    auto created = harness.type->create(planned_object({{"id_attribute", Value("data/id")}}));
    REQUIRE(created);
    CHECK(*created->find("id") == Value("abc"));

    Harness missing({http_answer(201, R"({"ok": true})")});
    auto refused = missing.type->create(planned_object());
    REQUIRE_FALSE(refused);
    CHECK(refused.error().attribute == "id_attribute");
    CHECK(refused.error().summary == "The answer to POST /posts has no id at \"id\"");
}

TEST_CASE("rest_object: an answer that is not JSON is a clear error") {
    Harness harness({http_answer(201, "<html>oops</html>")});
    auto created = harness.type->create(planned_object());
    REQUIRE_FALSE(created);
    CHECK(created.error().summary == "The answer to POST /posts is not JSON");
    CHECK(created.error().detail == "The server said: <html>oops</html>");
}

TEST_CASE("rest_object: refresh keeps managed fields only, and 404 means gone") {
    Harness harness({http_answer(200, R"({"id": 5, "title": "changed", "author": "someone"})"), http_answer(404)});
    Value current = planned_object({{"id", Value("5")}, {"api_response", Value{}}});
    auto refreshed = harness.type->read(current);
    REQUIRE(refreshed);
    REQUIRE(*refreshed);
    CHECK(*(*refreshed)->find("data") == Value(ValueMap{{"title", Value("changed")}}));
    CHECK(harness.sent(0) == "GET http://127.0.0.1:1/api/posts/5");

    auto gone = harness.type->read(current);
    REQUIRE(gone);
    CHECK_FALSE(*gone);
}

TEST_CASE("rest_object: update and destroy use their path templates") {
    Harness harness({http_answer(200, ""), http_answer(200, R"({"id": 5, "title": "new"})"), http_answer(404)});
    Value prior = planned_object({{"id", Value("5")}, {"api_response", Value{}}});
    Value planned = planned_object({{"id", Value("5")},
                                    {"update_method", Value("PATCH")},
                                    {"update_path", Value("/posts/{id}/edit")},
                                    {"destroy_path", Value("/trash/{id}")}});
    auto updated = harness.type->update(prior, planned);
    REQUIRE(updated);
    CHECK(harness.sent(0) == "PATCH http://127.0.0.1:1/api/posts/5/edit");
    CHECK(harness.sent(1) == "GET http://127.0.0.1:1/api/posts/5");
    CHECK(*updated->find("api_response")->find("title") == Value("new"));
    CHECK(harness.type->remove(planned));  // 404: already gone is fine
    CHECK(harness.sent(2) == "DELETE http://127.0.0.1:1/api/trash/5");
}

TEST_CASE("rest_object: import reads COLLECTION/ID and keeps the object less its id") {
    Harness harness({http_answer(200, R"({"id": 7, "title": "found"})")});
    auto imported = harness.type->import("/posts/7");
    REQUIRE(imported);
    CHECK(*imported->find("path") == Value("/posts"));
    CHECK(*imported->find("id") == Value("7"));
    CHECK(*imported->find("data") == Value(ValueMap{{"title", Value("found")}}));
    CHECK(*imported->find("create_method") == Value("POST"));
    CHECK_FALSE(harness.type->import("7"));
}

TEST_CASE("rest_object: plan checks methods, paths and templates") {
    Harness harness({http_answer(200)});
    auto check = [&](ValueMap extra) {
        GenericPlan plan{planned_object(std::move(extra)), {}};
        return harness.type->refine_plan(Value(ValueMap{}), plan);
    };
    CHECK(check({}));
    CHECK(check({{"create_method", Value("GET")}}).error().attribute == "create_method");
    CHECK(check({{"path", Value("posts")}}).error().attribute == "path");
    CHECK(check({{"read_path", Value("/posts/{slug}")}}).error().attribute == "read_path");
    CHECK(check({{"id_attribute", Value("data//id")}}).error().attribute == "id_attribute");
    CHECK(check({{"path", Value::unknown()}}));
}

TEST_CASE("rest_object: managed fields recurse through maps and drop what the server lost") {
    Value managed(ValueMap{{"tags", Value(ValueMap{{"a", Value(1)}})}, {"gone", Value(true)}, {"list", Value(ValueList{})}});
    Value server(ValueMap{{"tags", Value(ValueMap{{"a", Value(2)}, {"b", Value(3)}})},
                          {"list", Value(ValueList{Value(1)})}, {"other", Value("x")}});
    CHECK(managed_fields(managed, server) ==
          Value(ValueMap{{"tags", Value(ValueMap{{"a", Value(2)}})}, {"list", Value(ValueList{Value(1)})}}));
}
