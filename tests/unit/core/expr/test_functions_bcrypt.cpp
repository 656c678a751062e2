#include <catch2/catch.hpp>
#include <crypt.h>
#include <memory>

#include "expr_test_support.h"

using namespace plinth;
using namespace plinth::expr;
using namespace plinth::expr::testing;

namespace {

// Whether `hash` is a bcrypt hash of `text`, checked by libxcrypt itself.
bool verifies(const std::string& text, const std::string& hash) {
    auto data = std::make_unique<crypt_data>();
    const char* again = crypt_rn(text.c_str(), hash.c_str(), data.get(), sizeof(crypt_data));
    return again && hash == again;
}

}  // namespace

TEST_CASE("expr: bcrypt hashes with a fresh salt (Terraform's example)") {
    Value hash = eval("${bcrypt(\"hello world\")}");
    REQUIRE(hash.is_string());
    CHECK(hash.as_string().size() == 60);
    CHECK(hash.as_string().starts_with("$2b$10$"));
    CHECK(verifies("hello world", hash.as_string()));
    CHECK_FALSE(verifies("hello world!", hash.as_string()));
    Value again = eval("${bcrypt(\"hello world\")}");
    CHECK(again != hash);  // a new salt on every call, as in Terraform
    CHECK(verifies("hello world", again.as_string()));
}

TEST_CASE("expr: bcrypt takes a cost") {
    Value hash = eval("${bcrypt(\"pw\", 4)}");
    CHECK(hash.as_string().starts_with("$2b$04$"));
    CHECK(verifies("pw", hash.as_string()));
    CHECK(eval("${bcrypt(\"\", \"5\")}").as_string().starts_with("$2b$05$"));
}

TEST_CASE("expr: bcrypt of unknown and sensitive values") {
    CHECK(eval("${bcrypt(var.pending)}").is_unknown());
    CHECK(eval("${bcrypt(var.password, 4)}").is_sensitive());
}

TEST_CASE("expr: bcrypt argument errors point at the call") {
    auto d = eval_failure("${bcrypt([])}");
    CHECK(d.summary == "bcrypt: argument 1 must be a string, got list");
    CHECK(where(d) == "3:12");
    CHECK(error_of("${bcrypt(\"x\", \"high\")}") == "bcrypt: argument 2 must be a number, got \"high\"");
    CHECK(error_of("${bcrypt(\"x\", 3)}") == "bcrypt: the cost must be from 4 to 31, got 3");
    CHECK(error_of("${bcrypt(\"x\", 32)}") == "bcrypt: the cost must be from 4 to 31, got 32");
    CHECK(error_of("${bcrypt(\"x\", 4.5)}") == "bcrypt: argument 2 must be a whole number, got 4.5");
    CHECK(error_of("${bcrypt(\"" + std::string(73, 'a') + "\")}") == "bcrypt: the string is 73 bytes long; bcrypt hashes at most 72");
    CHECK(error_of("${bcrypt()}") == "bcrypt: expects 1 to 2 arguments, got 0");
}
