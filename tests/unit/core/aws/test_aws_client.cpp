#include <catch2/catch.hpp>

#include "core/aws/aws_client.h"
#include "core/aws/dynamodb_client.h"
#include "core/aws/s3_client.h"
#include "core/digest.h"
#include "tests/unit/core/aws/scripted_aws.h"

using namespace plinth::aws;
using plinth::testing::http_answer;
using plinth::testing::HttpOutcome;
using plinth::testing::header_of;
using plinth::testing::ScriptedAws;

TEST_CASE("aws_client: signs through libcurl's SigV4 with the payload's SHA-256 and a canonical query") {
    ScriptedAws harness({http_answer(200, "<ListBucketResult><Contents><Key>env:/dev/k</Key></Contents>"
                                      "<IsTruncated>false</IsTruncated></ListBucketResult>")});
    S3Client s3(harness.client, {"http://127.0.0.1:9000", true});
    auto keys = s3.list_objects("states", "env:/");
    REQUIRE(keys);
    CHECK(*keys == std::vector<std::string>{"env:/dev/k"});
    auto sent = harness.transport->requests().at(0);
    CHECK(sent.url == "http://127.0.0.1:9000/states?list-type=2&prefix=env%3A%2F");
    CHECK(header_of(sent, "x-amz-content-sha256") == plinth::sha256_hex(""));
    REQUIRE(sent.aws_sigv4);
    CHECK(sent.aws_sigv4->provider == "aws:amz:eu-west-1:s3");
    CHECK(sent.aws_sigv4->session_token == "TOKEN");
}

TEST_CASE("aws_client: S3 URLs are path-style or virtual-hosted, keys encoded") {
    CHECK(s3_object_url({"http://127.0.0.1:9000/", true}, "us-east-1", "b", "env:/dev/s.json") ==
          "http://127.0.0.1:9000/b/env%3A/dev/s.json");
    CHECK(s3_object_url({"", false}, "eu-west-1", "b", "a b") == "https://b.s3.eu-west-1.amazonaws.com/a%20b");
    CHECK(s3_object_url({"https://minio.local", false}, "x", "b", "") == "https://b.minio.local/");
}

TEST_CASE("aws_client: throttling is retried with backoff, other errors are not") {
    std::string throttled = R"({"__type":"x#ProvisionedThroughputExceededException","message":"slow down"})";
    ScriptedAws harness({http_answer(400, throttled), http_answer(400, throttled), http_answer(200, "{}")});
    DynamoDbClient dynamodb(harness.client, "http://127.0.0.1:8000");
    REQUIRE(dynamodb.put_item("locks", {{"LockID", {{"S", "b/k"}}}}));
    CHECK(harness.transport->tries() == 3);
    CHECK(harness.waits.size() == 2);
    auto sent = harness.transport->requests().at(0);
    CHECK(header_of(sent, "X-Amz-Target") == "DynamoDB_20120810.PutItem");
    CHECK(sent.aws_sigv4->provider == "aws:amz:eu-west-1:dynamodb");

    ScriptedAws refused({http_answer(400, R"({"__type":"x#ConditionalCheckFailedException","message":"The conditional )"
                                      R"(request failed"})")});
    DynamoDbClient locks(refused.client, "http://127.0.0.1:8000");
    auto put = locks.put_item("locks", {{"LockID", {{"S", "b/k"}}}}, Condition{"attribute_not_exists(LockID)", {}});
    REQUIRE_FALSE(put);
    CHECK(put.error().code == k_condition_failed);
    CHECK(put.error().summary == "DynamoDB PutItem on table locks failed");
    CHECK(refused.transport->tries() == 1);
}

TEST_CASE("aws_client: a missing S3 object is no object; a conditional put that loses answers false") {
    ScriptedAws harness({http_answer(404, "<Error><Code>NoSuchKey</Code><Message>none</Message></Error>"),
                     http_answer(412, "<Error><Code>PreconditionFailed</Code></Error>")});
    S3Client s3(harness.client, {"http://127.0.0.1:9000", true});
    auto missing = s3.get_object("b", "k");
    REQUIRE(missing);
    CHECK_FALSE(missing->has_value());
    auto put = s3.put_object("b", "k.tflock", "{}", true);
    REQUIRE(put);
    CHECK_FALSE(*put);
    CHECK(header_of(harness.transport->requests().at(1), "If-None-Match") == "*");
}
