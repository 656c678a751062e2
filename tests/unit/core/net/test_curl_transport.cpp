#include <catch2/catch.hpp>

#include "core/net/transport.h"
#include "http_test_server.h"

using namespace plinth::net;
using plinth::testing::HttpTestServer;

namespace {

HttpRequest request_to(const HttpTestServer& server, std::string method, std::string path) {
    HttpRequest request;
    request.method = std::move(method);
    request.url = server.url(path);
    request.timeout = std::chrono::seconds{10};
    return request;
}

bool has_line(const std::string& text, const std::string& line) {
    return text.find("\r\n" + line + "\r\n") != std::string::npos;
}

}  // namespace

TEST_CASE("curl_transport: any method, with a body for any method; status, headers and body come back") {
    HttpTestServer server;
    server.route("/state", {200, "locked", {}});
    HttpRequest lock = request_to(server, "LOCK", "/state");
    lock.body = R"({"ID":"1"})";
    auto response = curl_transport()->perform(lock);
    REQUIRE(response);
    CHECK(response->status == 200);
    CHECK(response->body == "locked");
    CHECK(response->header("Content-Length") == "6");
    CHECK(server.last_request().starts_with("LOCK /state HTTP/1.1\r\n"));
    CHECK(server.last_request().ends_with("\r\n\r\n{\"ID\":\"1\"}"));

    HttpRequest get = request_to(server, "GET", "/state");
    get.body = "query";
    REQUIRE(curl_transport()->perform(get));
    CHECK(server.last_request().starts_with("GET /state HTTP/1.1\r\n"));
    CHECK(server.last_request().ends_with("\r\n\r\nquery"));
}

TEST_CASE("curl_transport: basic authentication") {
    HttpTestServer server;
    server.route("/", {200, "", {}});
    HttpRequest request = request_to(server, "GET", "/");
    request.basic_auth = BasicAuth{"user", "pass"};
    REQUIRE(curl_transport()->perform(request));
    CHECK(has_line(server.last_request(), "Authorization: Basic dXNlcjpwYXNz"));  // base64 of user:pass
}

TEST_CASE("curl_transport: AWS SigV4 signing by libcurl, with the session token signed too") {
    HttpTestServer server;
    server.route("/bucket/key", {200, "", {}});
    HttpRequest request = request_to(server, "PUT", "/bucket/key");
    request.body = "state";
    request.aws_sigv4 = AwsSigV4{"aws:amz:eu-west-1:s3", "AKIDEXAMPLE", "secret", "token"};
    REQUIRE(curl_transport()->perform(request));
    std::string sent = server.last_request();
    CHECK(has_line(sent, "x-amz-security-token: token"));
    auto authorization = sent.find("\r\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/");
    REQUIRE(authorization != std::string::npos);
    std::string line = sent.substr(authorization + 2, sent.find("\r\n", authorization + 2) - authorization - 2);
    CHECK(line.find("/eu-west-1/s3/aws4_request") != std::string::npos);
    CHECK(line.find("x-amz-security-token") != std::string::npos);
    CHECK(line.find("Signature=") != std::string::npos);
}

TEST_CASE("curl_transport: a body sink takes the body; refusing a piece stops the transfer") {
    HttpTestServer server;
    server.route("/archive", {200, "archive bytes", {}});
    std::string received;
    HttpRequest request = request_to(server, "GET", "/archive");
    request.body_sink = [&](std::string_view piece) {
        received += piece;
        return true;
    };
    auto response = curl_transport()->perform(request);
    REQUIRE(response);
    CHECK(received == "archive bytes");
    CHECK(response->body.empty());

    request.body_sink = [](std::string_view) { return false; };
    auto refused = curl_transport()->perform(request);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == TransportError::Kind::Other);
}

TEST_CASE("curl_transport: nothing listening is a connection failure") {
    int port = 0;
    {
        HttpTestServer closed;
        port = std::stoi(closed.url("").substr(std::string("http://127.0.0.1:").size()));
    }
    HttpRequest request;
    request.url = "http://127.0.0.1:" + std::to_string(port) + "/";
    auto response = curl_transport()->perform(request);
    REQUIRE_FALSE(response);
    CHECK(response.error().kind == TransportError::Kind::Connection);
}
