#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "providers/aws/aws_provider.h"
#include "tests/unit/core/net/fake_transport.h"
#include "tests/unit/fake_environment.h"

using namespace plinth;
using plinth::testing::http_answer;
using plinth::testing::HttpOutcome;
using plinth::testing::ScriptedTransport;

namespace {

// An aws provider whose calls go to a scripted transport, with the emulators' settings.
struct ProviderHarness {
    explicit ProviderHarness(std::deque<HttpOutcome> script,
                             std::map<std::string, std::string> environment = {{"AWS_ACCESS_KEY_ID", "AK"},
                                                                               {"AWS_SECRET_ACCESS_KEY", "SK"}})
        : transport(std::make_shared<ScriptedTransport>(std::move(script))) {
        auto api = std::make_shared<providers::aws::AwsApi>(
            [this](aws::Credentials credentials, std::string region, aws::AwsClientOptions options) {
                used_credentials = credentials;
                return std::make_shared<const aws::AwsClient>(std::move(credentials), std::move(region), options,
                                                              plinth::testing::scripted_client(transport),
                                                              [](std::chrono::milliseconds) {});
            },
            [this](std::chrono::milliseconds wait) { waits.push_back(wait); });
        provider = providers::make_aws_provider(plinth::testing::environment_of(std::move(environment)), api);
    }
    providers::Result<void> configure(ValueMap extra = {}) {
        ValueMap settings{{"region", "us-east-1"},
                          {"endpoints", Value(ValueMap{{"s3", "http://127.0.0.1:9000"},
                                                       {"dynamodb", "http://127.0.0.1:8000"},
                                                       {"sqs", "http://127.0.0.1:4566"}})},
                          {"s3_use_path_style", true}};
        for (auto& [name, value] : extra) settings[name] = value;
        return provider->configure(Value(std::move(settings)));
    }
    std::shared_ptr<ScriptedTransport> transport;
    aws::Credentials used_credentials;
    std::vector<std::chrono::milliseconds> waits;
    std::unique_ptr<providers::Provider> provider;
};

}  // namespace

TEST_CASE(
    "aws_provider: settings: region and credentials fall back to the environment; unknown endpoints are refused") {
    ProviderHarness harness({http_answer(200)}, {{"AWS_ACCESS_KEY_ID", "AK"},
                                                 {"AWS_SECRET_ACCESS_KEY", "SK"},
                                                 {"AWS_SESSION_TOKEN", "T"},
                                                 {"AWS_REGION", "eu-west-1"}});
    REQUIRE(harness.provider->configure(Value(ValueMap{})));
    CHECK(harness.used_credentials.session_token == "T");

    ProviderHarness no_region({http_answer(200)});
    auto missing = no_region.provider->configure(Value(ValueMap{}));
    REQUIRE_FALSE(missing);
    CHECK(missing.error().summary == "The aws provider needs a region");

    auto unknown = harness.configure({{"endpoints", Value(ValueMap{{"lambda", "http://x"}})}});
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().attribute == "endpoints");
}

TEST_CASE("aws_provider: aws_s3_object plans the MD5 of its bytes as etag; two sources are refused") {
    ProviderHarness harness({http_answer(200)});
    REQUIRE(harness.configure());
    Value desired(ValueMap{{"bucket", "site"}, {"key", "index.html"}, {"content", "hello"}});
    auto planned = harness.provider->plan("aws_s3_object", nullptr, desired);
    REQUIRE(planned);
    CHECK(*planned->planned.find("etag") == Value("5d41402abc4b2a76b9719d911017c592"));
    CHECK(*planned->planned.find("id") == Value("site/index.html"));
    CHECK(planned->planned.find("version_id")->is_unknown());

    Value both(ValueMap{{"bucket", "site"}, {"key", "k"}, {"content", "a"}, {"content_base64", "YQ=="}});
    auto refused = harness.provider->plan("aws_s3_object", nullptr, both);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().attribute == "content_base64");
}

TEST_CASE("aws_provider: destroying a non-empty bucket without force_destroy says so, AWS's words kept") {
    ProviderHarness harness({http_answer(409,
                                         "<Error><Code>BucketNotEmpty</Code><Message>The bucket you tried to "
                                         "delete is not empty</Message></Error>")});
    REQUIRE(harness.configure());
    auto removed =
        harness.provider->remove("aws_s3_bucket", Value(ValueMap{{"bucket", "site"}, {"force_destroy", false}}));
    REQUIRE_FALSE(removed);
    CHECK(removed.error().summary == "Bucket site is not empty, so it was not deleted");
    CHECK_THAT(removed.error().detail,
               Catch::Contains("BucketNotEmpty: The bucket you tried to delete is not empty (HTTP 409)"));
    CHECK(removed.error().attribute == "force_destroy");
}

TEST_CASE("aws_provider: aws_dynamodb_table is created with its key schema and waits for ACTIVE") {
    nlohmann::json creating{{"TableDescription", {{"TableStatus", "CREATING"}}}};
    nlohmann::json table{{"TableName", "visits"},
                         {"TableArn", "arn:aws:dynamodb:us-east-1:0:table/visits"},
                         {"AttributeDefinitions", {{{"AttributeName", "page"}, {"AttributeType", "S"}}}},
                         {"KeySchema", {{{"AttributeName", "page"}, {"KeyType", "HASH"}}}},
                         {"BillingModeSummary", {{"BillingMode", "PAY_PER_REQUEST"}}},
                         {"ProvisionedThroughput", {{"ReadCapacityUnits", 0}, {"WriteCapacityUnits", 0}}}};
    nlohmann::json pending = table, active = table;
    pending["TableStatus"] = "CREATING";
    active["TableStatus"] = "ACTIVE";
    ProviderHarness harness({http_answer(200, creating.dump()),
                             http_answer(200, nlohmann::json{{"Table", pending}}.dump()),
                             http_answer(200, nlohmann::json{{"Table", active}}.dump())});
    REQUIRE(harness.configure());
    Value desired(ValueMap{{"name", "visits"},
                           {"billing_mode", "PAY_PER_REQUEST"},
                           {"hash_key", "page"},
                           {"attribute", Value(ValueList{Value(ValueMap{{"name", "page"}, {"type", "S"}})})}});
    auto planned = harness.provider->plan("aws_dynamodb_table", nullptr, desired);
    REQUIRE(planned);
    auto created = harness.provider->create("aws_dynamodb_table", planned->planned);
    REQUIRE(created);
    CHECK(*created->find("arn") == Value("arn:aws:dynamodb:us-east-1:0:table/visits"));
    CHECK(*created->find("read_capacity") == Value(0));
    CHECK(harness.waits.size() == 1);
    auto request = nlohmann::json::parse(harness.transport->requests().at(0).body);
    CHECK(request["KeySchema"] == nlohmann::json::parse(R"([{"AttributeName":"page","KeyType":"HASH"}])"));
    CHECK(request["BillingMode"] == "PAY_PER_REQUEST");
    CHECK_FALSE(request.contains("ProvisionedThroughput"));

    Value missing_key(ValueMap{{"name", "t"},
                               {"billing_mode", "PAY_PER_REQUEST"},
                               {"hash_key", "id"},
                               {"attribute", Value(ValueList{Value(ValueMap{{"name", "page"}, {"type", "S"}})})}});
    auto refused = harness.provider->plan("aws_dynamodb_table", nullptr, missing_key);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().attribute == "hash_key");
}

TEST_CASE("aws_provider: aws_sqs_queue reads its attributes back; a deleted queue is gone") {
    std::string url = "http://127.0.0.1:4566/000000000000/jobs";
    nlohmann::json attributes{{"Attributes",
                               {{"VisibilityTimeout", "60"},
                                {"MessageRetentionPeriod", "345600"},
                                {"DelaySeconds", "0"},
                                {"QueueArn", "arn:aws:sqs:us-east-1:0:jobs"}}}};
    ProviderHarness harness({http_answer(200, attributes.dump()),
                             http_answer(400, R"({"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"no"})")});
    REQUIRE(harness.configure());
    Value current(ValueMap{{"name", "jobs"}, {"id", url}, {"visibility_timeout_seconds", 30}});
    auto refreshed = harness.provider->read("aws_sqs_queue", current);
    REQUIRE(refreshed);
    REQUIRE(refreshed->has_value());
    CHECK(*(*refreshed)->find("visibility_timeout_seconds") == Value(60));
    CHECK(*(*refreshed)->find("arn") == Value("arn:aws:sqs:us-east-1:0:jobs"));
    CHECK(*(*refreshed)->find("fifo_queue") == Value(false));
    auto gone = harness.provider->read("aws_sqs_queue", current);
    REQUIRE(gone);
    CHECK_FALSE(gone->has_value());

    auto fifo =
        harness.provider->plan("aws_sqs_queue", nullptr, Value(ValueMap{{"name", "jobs"}, {"fifo_queue", true}}));
    REQUIRE_FALSE(fifo);
    CHECK(fifo.error().attribute == "name");
}

TEST_CASE("aws_provider: aws_caller_identity on an endpoint without STS is a clear error") {
    ProviderHarness harness({http_answer(404, "<Error><Code>NoSuchBucket</Code></Error>")});
    REQUIRE(harness.configure({{"endpoints", Value(ValueMap{{"sts", "http://127.0.0.1:9000"}})}}));
    auto identity = harness.provider->read_data("aws_caller_identity", Value(ValueMap{}));
    REQUIRE_FALSE(identity);
    CHECK(identity.error().summary == "aws_caller_identity is not supported by this endpoint (http://127.0.0.1:9000)");
    CHECK_THAT(identity.error().detail, Catch::Contains("NoSuchBucket"));
}
