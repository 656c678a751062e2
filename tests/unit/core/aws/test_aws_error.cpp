#include <catch2/catch.hpp>

#include "core/aws/aws_error.h"
#include "core/aws/xml_text.h"

using namespace plinth::aws;
using plinth::net::HttpResponse;

TEST_CASE("aws_error: S3's XML code and message are kept verbatim") {
    HttpResponse response{403, {}, "<?xml version=\"1.0\"?><Error><Code>SignatureDoesNotMatch</Code><Message>The request "
                                   "signature we calculated does not match &amp; so on</Message></Error>"};
    AwsError error = parse_error(response, ErrorFormat::Xml, "S3 GetObject s3://b/k failed");
    CHECK(error.code == "SignatureDoesNotMatch");
    CHECK(error.message == "The request signature we calculated does not match & so on");
    CHECK(error.detail() == "SignatureDoesNotMatch: The request signature we calculated does not match & so on (HTTP 403)");
}

TEST_CASE("aws_error: DynamoDB's __type gives the code after '#'") {
    HttpResponse response{400, {}, R"({"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException",)"
                                   R"("message":"The conditional request failed"})"};
    AwsError error = parse_error(response, ErrorFormat::Json, "DynamoDB PutItem failed");
    CHECK(error.code == "ConditionalCheckFailedException");
    CHECK(error.message == "The conditional request failed");
    CHECK_FALSE(is_throttling(error));
    CHECK(is_throttling(parse_error(HttpResponse{400, {}, R"({"__type":"x#ThrottlingException","Message":"slow"})"},
                                    ErrorFormat::Json, "")));
}

TEST_CASE("aws_error: an answer without a code is named by its status") {
    AwsError error = parse_error(HttpResponse{502, {}, "bad gateway"}, ErrorFormat::Xml, "S3 PutObject failed");
    CHECK(error.code == "502");
    CHECK(error.message == "bad gateway");
    AwsError no_answer{"S3 GetObject failed", "", "connection refused", 0};
    CHECK(no_answer.detail() == "connection refused");
}

TEST_CASE("xml_text: every element's text, entities decoded") {
    std::string xml = "<R><Contents><Key>env:/a/k</Key></Contents><Contents><Key>x&lt;&#65;&#x42;</Key></Contents>"
                      "<IsTruncated>false</IsTruncated></R>";
    CHECK(xml_elements(xml, "Key") == std::vector<std::string>{"env:/a/k", "x<AB"});
    CHECK(xml_element(xml, "IsTruncated") == "false");
    CHECK_FALSE(xml_element(xml, "NextContinuationToken"));
    CHECK(xml_elements("<Key>unterminated", "Key").empty());
}
