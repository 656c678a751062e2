#include <catch2/catch.hpp>
#include <regex>

#include "expr_test_support.h"

using namespace plinth;
using namespace plinth::expr;
using namespace plinth::expr::testing;

TEST_CASE("expr: jsonencode") {
    CHECK(eval("${jsonencode({\"hello\" = \"world\"})}") == Value("{\"hello\":\"world\"}"));
    CHECK(eval("${jsonencode([1, 1.5, true, null, \"x\"])}") == Value("[1,1.5,true,null,\"x\"]"));
    CHECK(eval("${jsonencode(\"<a&b>\")}") == Value("\"\\u003ca\\u0026b\\u003e\""));
    CHECK(eval("${jsonencode(var.pending)}").is_unknown());
}

TEST_CASE("expr: jsondecode") {
    CHECK(eval("${jsondecode(\"{\\\"hello\\\": \\\"world\\\"}\")}") == map({{"hello", "world"}}));
    CHECK(eval("${jsondecode(\"true\")}") == Value(true));
    CHECK(eval("${jsondecode(\"[1, 2.5, null]\")}") == list({1, 2.5, nullptr}));
    CHECK(error_of("${jsondecode(\"{\")}").starts_with("jsondecode: invalid JSON"));
    CHECK(error_of("${jsondecode(\"[1e999]\")}").starts_with("jsondecode: invalid JSON"));
}

TEST_CASE("expr: bytes that are not UTF-8 are encoded as U+FFFD (found by fuzzing)") {
    CHECK(eval("${jsonencode(\"a\xff\")}") == Value("\"a\xef\xbf\xbd\""));
    CHECK(eval("${format(\"%q\", \"\xff\")}") == Value("\"\xef\xbf\xbd\""));
}

TEST_CASE("expr: base64") {
    CHECK(eval("${base64encode(\"Hello World\")}") == Value("SGVsbG8gV29ybGQ="));
    CHECK(eval("${base64decode(\"SGVsbG8gV29ybGQ=\")}") == Value("Hello World"));
    CHECK(error_of("${base64decode(\"not base64!\")}") == "base64decode: \"not base64!\" is not valid base64");
    CHECK(error_of("${base64decode(\"/w==\")}") == "base64decode: the decoded bytes are not valid UTF-8");
}

TEST_CASE("expr: hashes") {
    CHECK(eval("${md5(\"hello world\")}") == Value("5eb63bbbe01eeed093cb22bb8f5acdc3"));
    CHECK(eval("${sha1(\"hello world\")}") == Value("2aae6c35c94fcfb415dbe95f408b9ce91ee846ed"));
    CHECK(eval("${sha256(\"hello world\")}") ==
          Value("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"));
    CHECK(eval("${sha512(\"hello world\")}") ==
          Value("309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f"
                "989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f"));
    CHECK(eval("${sha256(var.password)}").is_sensitive());
}

TEST_CASE("expr: uuid") {
    Value a = eval("${uuid()}");
    REQUIRE(a.is_string());
    CHECK(std::regex_match(a.as_string(), std::regex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
    CHECK(a != eval("${uuid()}"));
}

TEST_CASE("expr: urlencode, base64sha256 and base64sha512") {
    CHECK(eval("${urlencode(\"Hello World!\")}") == Value("Hello+World%21"));
    CHECK(eval("${urlencode(\"☃\")}") == Value("%E2%98%83"));
    CHECK(eval("${urlencode(\"foo:bar@localhost?foo=bar&bar=baz\")}") ==
          Value("foo%3Abar%40localhost%3Ffoo%3Dbar%26bar%3Dbaz"));
    CHECK(eval("${base64sha256(\"hello world\")}") == Value("uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek="));
    CHECK(eval("${base64sha512(\"hello world\")}") ==
          Value("MJ7MSJwS1utMxA9QyQLytNDtd+5RGnx6m808qG1M2G+YndNbxf9JlnDaNCVbRbDP2DDoH2Bdz33FVC6TrpzXbw=="));
    CHECK(error_of("${urlencode([])}") == "urlencode: argument 1 must be a string, got list");
}
