#include <catch2/catch.hpp>

#include "core/aws/s3_client.h"
#include "core/aws/sqs_client.h"
#include "core/aws/sts_client.h"
#include "core/aws/xml_text.h"
#include "tests/unit/core/net/fake_transport.h"

using namespace plinth::aws;
using plinth::testing::http_answer;
using plinth::testing::HttpOutcome;
using plinth::testing::ScriptedTransport;

namespace {

struct ServiceHarness {
    explicit ServiceHarness(std::deque<HttpOutcome> script)
        : transport(std::make_shared<ScriptedTransport>(std::move(script))),
          client(std::make_shared<AwsClient>(Credentials{"AK", "SK", ""}, "eu-west-1", AwsClientOptions{},
                                             plinth::testing::scripted_client(transport),
                                             [](std::chrono::milliseconds) {})) {}
    std::shared_ptr<ScriptedTransport> transport;
    std::shared_ptr<AwsClient> client;
};

std::optional<std::string> sent_header(const plinth::net::HttpRequest& request, const std::string& name) {
    for (const auto& [key, value] : request.headers)
        if (key == name) return value;
    return std::nullopt;
}

}  // namespace

TEST_CASE("aws_services: SQS speaks the JSON protocol and a missing queue is no queue") {
    ServiceHarness harness({http_answer(200, R"({"QueueUrl":"http://q.local/000000000000/jobs"})"),
                            http_answer(400, R"({"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"gone"})")});
    SqsClient sqs(harness.client, "http://127.0.0.1:4566/");
    auto url = sqs.create_queue("jobs", {{"DelaySeconds", "5"}});
    REQUIRE(url);
    CHECK(*url == "http://q.local/000000000000/jobs");
    auto sent = harness.transport->requests().at(0);
    CHECK(sent.url == "http://127.0.0.1:4566/");
    CHECK(sent_header(sent, "X-Amz-Target") == "AmazonSQS.CreateQueue");
    CHECK(sent_header(sent, "Content-Type") == "application/x-amz-json-1.0");
    CHECK(nlohmann::json::parse(sent.body) ==
          nlohmann::json{{"QueueName", "jobs"}, {"Attributes", {{"DelaySeconds", "5"}}}});
    CHECK(sent.aws_sigv4->provider == "aws:amz:eu-west-1:sqs");
    auto attributes = sqs.queue_attributes(*url);
    REQUIRE(attributes);
    CHECK_FALSE(attributes->has_value());
}

TEST_CASE("aws_services: STS GetCallerIdentity is a signed form POST answered in XML") {
    ServiceHarness harness({http_answer(200,
                                        "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::1:root"
                                        "</Arn><UserId>U1</UserId><Account>1</Account></GetCallerIdentityResult>"
                                        "</GetCallerIdentityResponse>"),
                            http_answer(200, "<ListAllMyBucketsResult/>")});
    StsClient sts(harness.client, "");
    auto identity = sts.caller_identity();
    REQUIRE(identity);
    REQUIRE(identity->has_value());
    CHECK((*identity)->account == "1");
    CHECK((*identity)->arn == "arn:aws:iam::1:root");
    CHECK((*identity)->user_id == "U1");
    auto sent = harness.transport->requests().at(0);
    CHECK(sent.url == "https://sts.eu-west-1.amazonaws.com/");
    CHECK(sent.body == "Action=GetCallerIdentity&Version=2011-06-15");
    CHECK(sent.aws_sigv4->provider == "aws:amz:eu-west-1:sts");
    auto other = sts.caller_identity();
    REQUIRE(other);
    CHECK_FALSE(other->has_value());
}

TEST_CASE("aws_services: S3 objects carry content type and metadata; HEAD of a missing key is none") {
    ServiceHarness harness(
        {http_answer(200, "", {{"etag", "\"abc\""}, {"x-amz-version-id", "v1"}}),
         http_answer(200, "", {{"etag", "\"abc\""}, {"content-type", "text/html"}, {"x-amz-meta-owner", "web"}}),
         http_answer(404)});
    S3Client s3(harness.client, {"http://127.0.0.1:9000", true});
    auto written = s3.write_object("site", "index.html", "<h1>", {"text/html", {{"owner", "web"}}});
    REQUIRE(written);
    CHECK(written->etag == "abc");
    CHECK(written->version_id == "v1");
    auto put = harness.transport->requests().at(0);
    CHECK(put.method == "PUT");
    CHECK(sent_header(put, "Content-Type") == "text/html");
    CHECK(sent_header(put, "x-amz-meta-owner") == "web");
    auto info = s3.head_object("site", "index.html");
    REQUIRE(info);
    REQUIRE(info->has_value());
    CHECK((*info)->content_type == "text/html");
    CHECK((*info)->metadata == std::map<std::string, std::string>{{"owner", "web"}});
    CHECK(harness.transport->requests().at(1).method == "HEAD");
    auto missing = s3.head_object("site", "gone.html");
    REQUIRE(missing);
    CHECK_FALSE(missing->has_value());
}

TEST_CASE("aws_services: bucket calls: location outside us-east-1, tags with Content-MD5, BucketNotEmpty verbatim") {
    ServiceHarness harness({http_answer(200), http_answer(200), http_answer(404),
                            http_answer(409,
                                        "<Error><Code>BucketNotEmpty</Code><Message>The bucket you tried to delete "
                                        "is not empty</Message></Error>")});
    S3Client s3(harness.client, {"http://127.0.0.1:9000", true});
    REQUIRE(s3.create_bucket("site"));
    CHECK(harness.transport->requests().at(0).body.find("<LocationConstraint>eu-west-1</LocationConstraint>") !=
          std::string::npos);
    REQUIRE(s3.set_bucket_tags("site", {{"env", "a&b"}}));
    auto tagging = harness.transport->requests().at(1);
    CHECK(tagging.url == "http://127.0.0.1:9000/site?tagging=");
    CHECK(tagging.body.find("<Key>env</Key><Value>a&amp;b</Value>") != std::string::npos);
    CHECK(sent_header(tagging, "Content-MD5"));
    CHECK(tags_of_document(tagging.body) == std::map<std::string, std::string>{{"env", "a&b"}});
    auto exists = s3.bucket_exists("other");
    REQUIRE(exists);
    CHECK_FALSE(*exists);
    auto deleted = s3.delete_bucket("site");
    REQUIRE_FALSE(deleted);
    CHECK(deleted.error().code == "BucketNotEmpty");
    CHECK(deleted.error().message == "The bucket you tried to delete is not empty");
}
